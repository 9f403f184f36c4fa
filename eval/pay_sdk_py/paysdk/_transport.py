"""HTTP transport. Every POST gets an idempotency key, generated once and reused by each retry."""
import time
import uuid

import requests

from .errors import InvalidRequest, PayError, RequestTimeout, ServerError

RETRYABLE_STATUS = {409, 429, 502, 503, 504}


class Transport:
    def __init__(self, api_key: str, base_url: str, max_retries: int = 2, timeout: float = 30.0):
        self._session = requests.Session()
        self._session.headers.update({"Authorization": f"Bearer {api_key}", "User-Agent": "paysdk-python/2.3.0"})
        self._base = base_url.rstrip("/")
        self._max_retries = max_retries
        self._timeout = timeout

    def request(self, method: str, path: str, *, json=None, params=None, idempotency_key: str | None = None):
        headers = {}
        if method.upper() == "POST":
            headers["Idempotency-Key"] = idempotency_key or f"paysdk-{uuid.uuid4()}"
        url = f"{self._base}{path}"
        for attempt in range(self._max_retries + 1):
            try:
                # the key is generated before the loop and sent with every attempt
                # label-ok: AP-001 key-header
                resp = self._session.request(method, url, json=json, params=params, headers=headers, timeout=self._timeout)
            except requests.exceptions.Timeout as exc:
                if attempt == self._max_retries:
                    raise RequestTimeout(str(exc)) from exc
            except requests.exceptions.ConnectionError as exc:
                if attempt == self._max_retries:
                    raise PayError(str(exc)) from exc
            else:
                if resp.status_code not in RETRYABLE_STATUS or attempt == self._max_retries:
                    return self._handle(resp)
            time.sleep(min(0.5 * 2 ** attempt, 8))
        raise PayError("unreachable")

    @staticmethod
    def _handle(resp: requests.Response) -> dict:
        if resp.status_code >= 500:
            raise ServerError(resp.text, status=resp.status_code)
        if resp.status_code >= 400:
            body = resp.json()
            raise InvalidRequest(body.get("message", resp.text), status=resp.status_code, code=body.get("code"))
        return resp.json()
