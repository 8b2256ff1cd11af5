/**
 * The layout seeds CI prints and reads back (tests/pdf/layout-fuzz.test.ts). Every seed that
 * `npm run fuzz:pdf` finds failing is added here; `knownFailure` names what still goes wrong, and
 * such a seed runs as an expected failure until the reader gets it right (then the field goes).
 */
export interface LayoutSeed {
  report: 'ky-socfund-acp-2024q1' | 'mn-ndg-inspector-2024';
  seed: number;
  knownFailure?: string;
}

export const LAYOUT_SEEDS: LayoutSeed[] = [
  { report: 'ky-socfund-acp-2024q1', seed: 1 },
  { report: 'ky-socfund-acp-2024q1', seed: 2, knownFailure: "ruled, header once, overflow-wrap anywhere: words broken mid-word" },
  { report: 'ky-socfund-acp-2024q1', seed: 3 },
  { report: 'ky-socfund-acp-2024q1', seed: 4 },
  { report: 'ky-socfund-acp-2024q1', seed: 5, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'ky-socfund-acp-2024q1', seed: 6 },
  { report: 'ky-socfund-acp-2024q1', seed: 7, knownFailure: "ruled, overflow-wrap anywhere: goal titles with words broken mid-word" },
  { report: 'ky-socfund-acp-2024q1', seed: 8, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'ky-socfund-acp-2024q1', seed: 9 },
  { report: 'ky-socfund-acp-2024q1', seed: 10 },
  { report: 'ky-socfund-acp-2024q1', seed: 11 },
  { report: 'ky-socfund-acp-2024q1', seed: 12 },
  { report: 'ky-socfund-acp-2024q1', seed: 13 },
  { report: 'ky-socfund-acp-2024q1', seed: 14 },
  { report: 'ky-socfund-acp-2024q1', seed: 15 },
  { report: 'ky-socfund-acp-2024q1', seed: 16 },
  { report: 'mn-ndg-inspector-2024', seed: 1 },
  { report: 'mn-ndg-inspector-2024', seed: 2 },
  { report: 'mn-ndg-inspector-2024', seed: 3 },
  { report: 'mn-ndg-inspector-2024', seed: 4 },
  { report: 'mn-ndg-inspector-2024', seed: 5 },
  { report: 'mn-ndg-inspector-2024', seed: 6 },
  { report: 'mn-ndg-inspector-2024', seed: 7 },
  { report: 'mn-ndg-inspector-2024', seed: 8 },
  { report: 'mn-ndg-inspector-2024', seed: 9 },
  { report: 'mn-ndg-inspector-2024', seed: 10, knownFailure: "ruled, overflow-wrap anywhere: words broken mid-word" },
  { report: 'mn-ndg-inspector-2024', seed: 11 },
  { report: 'mn-ndg-inspector-2024', seed: 12 },
  { report: 'mn-ndg-inspector-2024', seed: 13 },
  { report: 'mn-ndg-inspector-2024', seed: 14, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 15, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 16 },
  // Drawn by a fresh `npm run fuzz:pdf -- 50` (14 of 100 cases passed): its failing ruled,
  // wrap-at-spaces cases. Its borderless (40) and overflow-wrap (27) failures are the classes above.
  { report: 'mn-ndg-inspector-2024', seed: 1033496460 },
  { report: 'ky-socfund-acp-2024q1', seed: 1226806337 },
  { report: 'mn-ndg-inspector-2024', seed: 1226806337 },
  { report: 'mn-ndg-inspector-2024', seed: 264171184 },
  { report: 'mn-ndg-inspector-2024', seed: 910688707 },
  { report: 'ky-socfund-acp-2024q1', seed: 957623880 },
  { report: 'mn-ndg-inspector-2024', seed: 957623880 },
  { report: 'mn-ndg-inspector-2024', seed: 1288479882 },
  { report: 'mn-ndg-inspector-2024', seed: 1394126830 },
  { report: 'mn-ndg-inspector-2024', seed: 1941824673 },
  { report: 'mn-ndg-inspector-2024', seed: 1214822547 },
  { report: 'ky-socfund-acp-2024q1', seed: 200520202 },
  { report: 'mn-ndg-inspector-2024', seed: 200520202 },
  { report: 'mn-ndg-inspector-2024', seed: 619397373 },
  { report: 'mn-ndg-inspector-2024', seed: 1872242358 },
  { report: 'mn-ndg-inspector-2024', seed: 1564927923 },
  { report: 'mn-ndg-inspector-2024', seed: 2097992488 },
  { report: 'ky-socfund-acp-2024q1', seed: 1765639650 },
  { report: 'mn-ndg-inspector-2024', seed: 1765639650 },
  // Fresh Kyrgyz ruled, wrap-at-spaces seeds that failed on the reader before issue 10's third
  // round: a paragraph filling its line at a page foot (1173340935), names cut by a page break
  // (878189227, «КР» 1953934984), underlined links in a tight descent (1255552112), a web address
  // before Cyrillic text (1356211041), one-pixel paragraph gaps in a table zoomed to the page
  // (766621621, 1433248139).
  { report: 'ky-socfund-acp-2024q1', seed: 1173340935 },
  { report: 'ky-socfund-acp-2024q1', seed: 878189227 },
  { report: 'ky-socfund-acp-2024q1', seed: 1953934984 },
  { report: 'ky-socfund-acp-2024q1', seed: 1255552112 },
  { report: 'ky-socfund-acp-2024q1', seed: 1356211041 },
  { report: 'ky-socfund-acp-2024q1', seed: 766621621 },
  { report: 'ky-socfund-acp-2024q1', seed: 1433248139 },
  // A fresh 50-seed run after the third round passed 25 of 100: ruled prints that wrap at spaces 23
  // of 24, borderless prints that wrap at spaces 1 of 10, prints with overflow-wrap anywhere 1 of
  // 66. Its failures but the anywhere ones are listed here (the anywhere ones are the
  // words-broken-anywhere class of ky 2, 3, 7, 10, 13 and mn 2, 3, 7, 10; 65 more would add four
  // minutes to CI).
  { report: 'ky-socfund-acp-2024q1', seed: 895135836 },
  { report: 'mn-ndg-inspector-2024', seed: 895135836, knownFailure: "measures: got 25 want 14" },
  { report: 'ky-socfund-acp-2024q1', seed: 608639039 },
  { report: 'mn-ndg-inspector-2024', seed: 608639039 },
  { report: 'mn-ndg-inspector-2024', seed: 1924662313 },
  { report: 'ky-socfund-acp-2024q1', seed: 1498345599 },
  { report: 'mn-ndg-inspector-2024', seed: 1498345599 },
  { report: 'ky-socfund-acp-2024q1', seed: 1929906101 },
  { report: 'ky-socfund-acp-2024q1', seed: 675885041 },
  { report: 'mn-ndg-inspector-2024', seed: 675885041 },
  // A fresh 50-seed run after the fourth round passed 29 of 100 (19 letter for letter; 30 after the letter-item fix): ruled
  // prints that wrap at spaces 17 of 18, ruled anywhere prints 10 of 30, borderless 2 of 52. Its
  // one ruled wrap-at-spaces failure, and two borderless seeds standing for that class.
  { report: 'mn-ndg-inspector-2024', seed: 227767967 },
  { report: 'ky-socfund-acp-2024q1', seed: 1546185811 },
  { report: 'mn-ndg-inspector-2024', seed: 1546185811 },
  { report: 'ky-socfund-acp-2024q1', seed: 443268815 },
  { report: 'mn-ndg-inspector-2024', seed: 443268815 },
  // Fifth round's fresh run of 50 seeds (on the first borderless commit of the round): 51 of 100
  // passed (44 letter for letter); ruled wrap-at-spaces 37 of 40, ruled anywhere 8 of 20,
  // borderless wrap-at-spaces 6 of 18, borderless anywhere 0 of 22. Its wrap-at-spaces failures
  // are listed here (ky 910111830 and 1540479334 read back since); the anywhere ones are the
  // classes above.
  { report: 'ky-socfund-acp-2024q1', seed: 910111830 },
  { report: 'ky-socfund-acp-2024q1', seed: 1540479334 },
  { report: 'mn-ndg-inspector-2024', seed: 1047782610 },
  { report: 'mn-ndg-inspector-2024', seed: 1105244277 },
  { report: 'ky-socfund-acp-2024q1', seed: 1299884108 },
  { report: 'mn-ndg-inspector-2024', seed: 1299884108 },
  { report: 'mn-ndg-inspector-2024', seed: 1382324185 },
  { report: 'ky-socfund-acp-2024q1', seed: 1631850604 },
  { report: 'ky-socfund-acp-2024q1', seed: 1887568632 },
  { report: 'mn-ndg-inspector-2024', seed: 1887568632 },
  { report: 'ky-socfund-acp-2024q1', seed: 1955489294 },
  { report: 'mn-ndg-inspector-2024', seed: 360846143, knownFailure: "goals: got …ОН БАЙГУУЛАХ ЗОРИЛТЫН ХҮРЭЭНД”\"},{\"id\":\"g2\",\"number\":null,\"title\":\"х" },
  { report: 'mn-ndg-inspector-2024', seed: 478744128 },
  { report: 'ky-socfund-acp-2024q1', seed: 84099942 },
  { report: 'mn-ndg-inspector-2024', seed: 84099942 },
  // The second fresh run (on the round's last reader commit) passed 54 of 100: ruled wrap at
  // spaces 32 of 34 (its two failures below: the OCR spacing of the Mongolian source, «Өөрийн;»
  // and «/ биелэлт/»), ruled anywhere 16 of 32, borderless 6 of 34 (the classes above).
  { report: 'mn-ndg-inspector-2024', seed: 1163560452 },
  { report: 'mn-ndg-inspector-2024', seed: 870863542 },
  // Sixth round: two fresh runs of 50 seeds. The first (on 8e75bcc) passed 49 of 100 (ruled wrap at
  // spaces 32 of 32, ruled anywhere 6 of 24, borderless wrap at spaces 7 of 24, borderless anywhere
  // 4 of 20); eight of its borderless wrap-at-spaces failures that still fail stand for them here
  // (header once, columns merged, a goal row cut at a portrait page). The second (on e836b35) passed
  // 76 of 100 (ruled wrap at spaces 48 of 48, ruled anywhere 19 of 28, borderless wrap at spaces 8
  // of 16, borderless anywhere 1 of 8); its wrap-at-spaces failures are all here.
  { report: 'mn-ndg-inspector-2024', seed: 2108686239 },
  { report: 'ky-socfund-acp-2024q1', seed: 193471136 },
  { report: 'ky-socfund-acp-2024q1', seed: 132853815 },
  { report: 'ky-socfund-acp-2024q1', seed: 1316986981 },
  { report: 'ky-socfund-acp-2024q1', seed: 1703104706 },
  { report: 'mn-ndg-inspector-2024', seed: 497644304 },
  { report: 'ky-socfund-acp-2024q1', seed: 430053883 },
  { report: 'mn-ndg-inspector-2024', seed: 430830203, knownFailure: "goals: got …ОН БАЙГУУЛАХ ЗОРИЛТЫН ХҮРЭЭНД”\"},{\"id\":\"g2\",\"number\":null,\"title\":\"х" },
  { report: 'ky-socfund-acp-2024q1', seed: 479915553, knownFailure: "goals: got [] want [{\"id\":\"g1\",\"number\":\"I\",\"title\":\"Тескеген чөйрөдө коррупциял" },
  { report: 'mn-ndg-inspector-2024', seed: 206183496 },
  { report: 'ky-socfund-acp-2024q1', seed: 1785693136 },
  { report: 'ky-socfund-acp-2024q1', seed: 252146897 },
  { report: 'ky-socfund-acp-2024q1', seed: 335516596 },
  { report: 'ky-socfund-acp-2024q1', seed: 653447332 },
  { report: 'mn-ndg-inspector-2024', seed: 653447332 },
  { report: 'ky-socfund-acp-2024q1', seed: 946451106 },
  // The round's third fresh run (on f812b49, a draw of 54 anywhere prints) passed 53 of 100: ruled
  // wrap at spaces 26 of 26, ruled anywhere 13 of 28, borderless wrap at spaces 11 of 20,
  // borderless anywhere 3 of 26. Its wrap-at-spaces failures:
  { report: 'mn-ndg-inspector-2024', seed: 1741453015, knownFailure: "goals: got …ОН БАЙГУУЛАХ ЗОРИЛТЫН ХҮРЭЭНД”\"},{\"id\":\"g2\",\"number\":null,\"title\":\"о" },
  { report: 'ky-socfund-acp-2024q1', seed: 488594601 },
  { report: 'mn-ndg-inspector-2024', seed: 488594601, knownFailure: "goals: got …ЗОРИЛТЫН ХҮРЭЭНД”\"},{\"id\":\"g2\",\"number\":\"2\",\"title\":\"Арга хэмжээ Ний" },
  { report: 'ky-socfund-acp-2024q1', seed: 993085841 },
  { report: 'ky-socfund-acp-2024q1', seed: 1578633711 },
  { report: 'mn-ndg-inspector-2024', seed: 1766680259 },
  { report: 'mn-ndg-inspector-2024', seed: 1588747073 },
  { report: 'mn-ndg-inspector-2024', seed: 769944576 },
  { report: 'mn-ndg-inspector-2024', seed: 1798152168 },
  { report: 'ky-socfund-acp-2024q1', seed: 1123551388, knownFailure: "measure 21 narrative: got …олбосо камсыздандырылган адамдар тарабынан өкүлчүлүкт" },
  { report: 'ky-socfund-acp-2024q1', seed: 1182946885, knownFailure: "measure 22 quantities: got …nit_form\":\"lemma\",\"implied\":false,\"span\":{\"start\":22" },
  { report: 'ky-socfund-acp-2024q1', seed: 1230256256 },
  { report: 'ky-socfund-acp-2024q1', seed: 127869906 },
  { report: 'ky-socfund-acp-2024q1', seed: 1339271229, knownFailure: "measure 8 expectedResults: got …у: - пенсия алуучу жөнүндө; - МСК системасында к" },
  { report: 'ky-socfund-acp-2024q1', seed: 1479552136, knownFailure: "measure 7 narrative: got …тарга мамлекеттик кызматтарды көрсөтүүдө сервистүүлүк " },
  { report: 'ky-socfund-acp-2024q1', seed: 1699301043, knownFailure: "goals: got …н көрсөтүлүүчү мамлекеттик кызматтардын сервистүүлүгүн камсыз кылуу\"" },
  { report: 'ky-socfund-acp-2024q1', seed: 242505358 },
  { report: 'ky-socfund-acp-2024q1', seed: 297231446, knownFailure: "measure 8 expectedResults: got …нсия жөнүндө; - юридикалык жактар үчүн камсыздан" },
  { report: 'ky-socfund-acp-2024q1', seed: 445770498, knownFailure: "goals: got …н көрсөтүлүүчү мамлекеттик кызматтардын сервистүүлүгүн камсыз кылуу\"" },
  { report: 'ky-socfund-acp-2024q1', seed: 495754165, knownFailure: "measure 4 quantities: got …nit_form\":\"lemma\",\"implied\":false,\"span\":{\"start\":170" },
  { report: 'ky-socfund-acp-2024q1', seed: 871046814, knownFailure: "measure 4 quantities: got …nit_form\":\"lemma\",\"implied\":false,\"span\":{\"start\":170" },
  { report: 'mn-ndg-inspector-2024', seed: 1230256256 },
  { report: 'mn-ndg-inspector-2024', seed: 1699301043, knownFailure: "measure 4 indicators: got …йн хугацаанд олгож байна. Мөн нэгдсан эмнэлэг, өрхийн" },
  { report: 'mn-ndg-inspector-2024', seed: 242505358, knownFailure: "goals: got …ҮРЭЭНД ГҮЙЦЭТГЭХ ЗОХИОН БАЙГУУЛАХ ЗОРИЛТЫН ХҮРЭЭНД”\"}] want …ҮРЭЭНД " },
  { report: 'mn-ndg-inspector-2024', seed: 297231446, knownFailure: "measure 4 indicators: got … бүрд мэдээллийн санд зарлагын гүйлгээг тулган шалгах" },
  { report: 'ky-socfund-acp-2024q1', seed: 832393704, knownFailure: "measure 4 narrative: got …жана башка социалдык төлөмдөрдү төлөө боюнча көрсөткө " },
  { report: 'mn-ndg-inspector-2024', seed: 832393704, knownFailure: "measure 4 indicators: got …агын гүйлгээг тулган шалгах уг тооцоог сангийн ня-бо-" },
  { report: 'mn-ndg-inspector-2024', seed: 1097659796 },
  { report: 'ky-socfund-acp-2024q1', seed: 323376032 },
  { report: 'mn-ndg-inspector-2024', seed: 323376032 },
  { report: 'ky-socfund-acp-2024q1', seed: 1152481878 },
  { report: 'ky-socfund-acp-2024q1', seed: 1090886309 },
  { report: 'mn-ndg-inspector-2024', seed: 1090886309 },
  { report: 'ky-socfund-acp-2024q1', seed: 551638559, knownFailure: "measure 3 expectedResults: got …к каражаттарды өз убагында кайтарып берүү, аныкт" },
  { report: 'mn-ndg-inspector-2024', seed: 211581392, knownFailure: "goals: got [{\"id\":\"g1\",\"number\":null,\"title\":\"хэрэгжүүлж хууль сарын 01-нээс ажи" },
  { report: 'ky-socfund-acp-2024q1', seed: 1222714980, knownFailure: "measure 22 quantities: got …nit_form\":\"lemma\",\"implied\":false,\"span\":{\"start\":22" },
  { report: 'mn-ndg-inspector-2024', seed: 1297944782, knownFailure: "measure 14 goalId: got null want \"g2\"" },
  { report: 'mn-ndg-inspector-2024', seed: 177103947 },
  { report: 'ky-socfund-acp-2024q1', seed: 854331254 },
  { report: 'ky-socfund-acp-2024q1', seed: 2102980876, knownFailure: "measure 21 narrative: got …я менен камсыз болуу жана саламаттык сактоо жагындагы" },
  { report: 'ky-socfund-acp-2024q1', seed: 169947475, knownFailure: "goals: got …н көрсөтүлүүчү мамлекеттик кызматтардын сервистүүлүгүн камсыз кылуу\"" },
  { report: 'ky-socfund-acp-2024q1', seed: 1473707448, knownFailure: "goals: got …н көрсөтүлүүчү мамлекеттик кызматтардын сервистүүлүгүн камсыз кылуу\"" },
  { report: 'mn-ndg-inspector-2024', seed: 1289336653, knownFailure: "measure 5 indicators: got …ийн засаг зарын захирамжаар нэгдсэн цэцэрлэгжүүлэлтий" },
  { report: 'ky-socfund-acp-2024q1', seed: 779499546, knownFailure: "measure 14 context: got …ртуу аркылуу кызматкерлердин коррупциялык мотивациясы\"," },
  { report: 'mn-ndg-inspector-2024', seed: 779499546, knownFailure: "measure 7 indicators: got …н тухай хууль, Төрийн албаны тухай хуулийн шинэчилсэн" },
  { report: 'ky-socfund-acp-2024q1', seed: 953310514, knownFailure: "measure 8 expectedResults: got … камсыздандыруу төгүмдөрүн чегерүү жөнүндө; - «К" },
  // Eighth round: borderless wrap-at-spaces prints of two fresh runs (the first eight read back now).
  { report: 'ky-socfund-acp-2024q1', seed: 785964615 },
  { report: 'ky-socfund-acp-2024q1', seed: 1603229804 },
  { report: 'ky-socfund-acp-2024q1', seed: 301983038 },
  { report: 'ky-socfund-acp-2024q1', seed: 300076108 },
  { report: 'mn-ndg-inspector-2024', seed: 785964615 },
  { report: 'mn-ndg-inspector-2024', seed: 301983038 },
  { report: 'mn-ndg-inspector-2024', seed: 1603229804 },
  { report: 'mn-ndg-inspector-2024', seed: 1420534189 },
  { report: 'mn-ndg-inspector-2024', seed: 1623242185 },
  { report: 'mn-ndg-inspector-2024', seed: 1892638054 },
  { report: 'ky-socfund-acp-2024q1', seed: 1297885051 },
  { report: 'mn-ndg-inspector-2024', seed: 1297885051, knownFailure: "measures: got 18 want 14" },
  { report: 'mn-ndg-inspector-2024', seed: 1784898159, knownFailure: "measures: got 21 want 14" },
  { report: 'mn-ndg-inspector-2024', seed: 2060284174, knownFailure: "goals: got …ЗОРИЛТЫН ХҮРЭЭНД\"},{\"id\":\"g2\",\"number\":\"2\",\"titl" },
];
