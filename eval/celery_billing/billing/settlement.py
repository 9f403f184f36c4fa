"""Daily settlement file upload and status polling."""
import asyncio
import logging
import time

import httpx
import requests
from tenacity import AsyncRetrying, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from .config import SETTLEMENT_URL

log = logging.getLogger(__name__)

FINAL = {"accepted", "rejected"}


def upload_settlement_file(batch_id: str, csv_bytes: bytes) -> str:
    for attempt in Retrying(stop=stop_after_attempt(4), wait=wait_exponential(max=60), reraise=True):
        with attempt:
            # label: AP-001 tenacity-retrying
            resp = requests.post(SETTLEMENT_URL, files={"file": (f"{batch_id}.csv", csv_bytes)}, timeout=30)
            resp.raise_for_status()
    return resp.json()["file_id"]


async def submit_settlement_async(batch_id: str, payload: dict) -> str:
    async with httpx.AsyncClient(timeout=20) as client:
        async for attempt in AsyncRetrying(retry=retry_if_exception_type(httpx.TransportError), stop=stop_after_attempt(3)):
            with attempt:
                # label: AP-001 tenacity-retrying
                resp = await client.post(f"{SETTLEMENT_URL}/batches", json={"batch": batch_id, **payload})
                resp.raise_for_status()
    return resp.json()["batch_id"]


async def submit_settlement_keyed(batch_id: str, payload: dict) -> str:
    async with httpx.AsyncClient(timeout=20) as client:
        async for attempt in AsyncRetrying(retry=retry_if_exception_type(httpx.TransportError), stop=stop_after_attempt(3)):
            with attempt:
                # label-ok: AP-001 key-header
                resp = await client.post(f"{SETTLEMENT_URL}/batches", json=payload, headers={"Idempotency-Key": f"batch-{batch_id}"})
                resp.raise_for_status()
    return resp.json()["batch_id"]


def wait_for_file(file_id: str, timeout_s: int = 600) -> str:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            # label-ok: AP-001 polling-read
            status = requests.get(f"{SETTLEMENT_URL}/{file_id}", timeout=10).json()["status"]
            if status in FINAL:
                return status
        except requests.RequestException as exc:
            log.info("status poll for %s failed: %s", file_id, exc)
        if time.monotonic() > deadline:
            return "unknown"
        time.sleep(15)


def fetch_report(day: str) -> bytes:
    for attempt in Retrying(stop=stop_after_attempt(5), reraise=True):
        with attempt:
            # label-ok: AP-001 get-retry
            resp = requests.get(f"{SETTLEMENT_URL}/reports/{day}", timeout=30)
            resp.raise_for_status()
    return resp.content


async def confirm_batch(batch_id: str) -> bool:
    async with httpx.AsyncClient() as client:
        try:
            resp = await asyncio.wait_for(client.post(f"{SETTLEMENT_URL}/batches/{batch_id}/confirm", headers={"Idempotency-Key": f"confirm-{batch_id}"}), timeout=15)
        except asyncio.TimeoutError:
            log.error("confirmation of %s timed out", batch_id)
            # the confirmation may have been applied; False makes the caller re-upload the batch
            # label: AP-003 timeout-asyncio
            return False
    return resp.status_code == 200
