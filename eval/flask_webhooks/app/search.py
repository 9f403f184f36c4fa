"""Read-only queries against the search service (GraphQL over POST)."""
import time

import requests
from flask import current_app

PAYMENTS_QUERY = """
query Payments($merchant: ID!, $since: DateTime!) {
  payments(merchant: $merchant, since: $since) { id amount status }
}
"""


def recent_payments(merchant_id: int, since: str) -> list[dict]:
    for attempt in range(3):
        try:
            # a GraphQL query sent as POST: it reads, nothing is created
            # label-ok: AP-001 read-only-post
            resp = requests.post(current_app.config["SEARCH_API"], json={"query": PAYMENTS_QUERY, "variables": {"merchant": merchant_id, "since": since}}, timeout=10)
            resp.raise_for_status()
            return resp.json()["data"]["payments"]
        except requests.RequestException:
            time.sleep(attempt + 1)
    return []
