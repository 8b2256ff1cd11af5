// The page's only way to the server: the HTTP API with the token from this tab's session.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function failure(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: a proxy's error page, say
  }
  const code = body?.error?.code ?? `http/${response.status}`;
  const message = body?.error?.message ?? response.statusText ?? 'Request failed';
  return new ApiError(response.status, code, message);
}

export function createApi(token) {
  const headers = { authorization: `Bearer ${token}` };
  const getJson = async (path) => {
    const response = await fetch(path, { headers, cache: 'no-store' });
    if (!response.ok) throw await failure(response);
    return response.json();
  };
  return {
    /** `{ id, status }`; a refusal (401, 413, 415) throws an ApiError with the server's code. */
    async upload(file) {
      const form = new FormData();
      form.append('file', file, file.name);
      const response = await fetch('/v1/documents', { method: 'POST', headers, body: form });
      if (response.status !== 202) throw await failure(response);
      return response.json();
    },
    status: (id) => getJson(`/v1/documents/${encodeURIComponent(id)}`),
    listDocuments: (limit = 50) => getJson(`/v1/documents?limit=${limit}`),
    async original(id) {
      const response = await fetch(`/v1/documents/${encodeURIComponent(id)}/original`, { headers });
      if (!response.ok) throw await failure(response);
      return response.blob();
    },
  };
}
