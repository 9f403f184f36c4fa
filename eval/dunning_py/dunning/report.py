"""Nightly dunning report."""
import csv
import io
import logging
import time

from .models import Invoice

log = logging.getLogger(__name__)


def create_report_row(rows: list, invoice: Invoice) -> None:
    rows.append([invoice.number, invoice.customer.email, invoice.amount_cents, invoice.status, len(invoice.attempts)])


def build_report(invoices: list[Invoice]) -> str:
    rows: list = []
    for i in range(len(invoices)):
        try:
            # label-ok: AP-001 local-verb-helper
            create_report_row(rows, invoices[i])
        except AttributeError:
            log.warning("skipping malformed invoice at %d", i)
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


def build_report_patiently(invoices: list[Invoice]) -> list:
    rows: list = []
    for attempt in range(3):
        try:
            for invoice in invoices:
                # a local helper named with a payment verb: it only appends to a list
                # label-ok: AP-001 local-verb-helper
                create_report_row(rows, invoice)
            return rows
        except AttributeError:
            rows.clear()
            time.sleep(1)
    return rows
