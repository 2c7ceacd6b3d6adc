// Shared by the staff page scripts: same-origin requests that carry the session's CSRF token.

/** The token the staff frame puts in <meta name="csrf-token">. */
export function csrfToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]');
  return meta?.content ?? "";
}

/** fetch() on our own origin with the CSRF header and the session cookie. */
export function verzoek(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("x-csrftoken", csrfToken());
  return fetch(url, { ...init, headers, credentials: "same-origin" });
}
