"""Pay sellers through paysdk."""
import logging

from paysdk import PayClient, RequestTimeout, retry_policy

from .models import BalanceMove, SellerPayout
from .options import payout_request_options
from .store import save

log = logging.getLogger(__name__)
client = PayClient()


@retry_policy(max_attempts=4)
def pay_seller(payout: SellerPayout) -> str:
    # paysdk generates a fresh key per call, so every attempt of this decorator is a new payout
    # label: AP-001 cross-file-wrapper
    result = client.payouts.create(amount=payout.amount_cents, currency=payout.currency, destination=payout.iban)
    return result.id


@retry_policy(max_attempts=4)
def pay_seller_keyed(payout: SellerPayout) -> str:
    # label-ok: AP-001 key-kwarg
    result = client.payouts.create(amount=payout.amount_cents, currency=payout.currency, destination=payout.iban, idempotency_key=f"seller-payout-{payout.id}")
    return result.id


@retry_policy(max_attempts=4)
def pay_seller_with_options(payout: SellerPayout) -> str:
    # label-ok: AP-001 key-kwargs-spread
    result = client.payouts.create(amount=payout.amount_cents, currency=payout.currency, destination=payout.iban, **payout_request_options(payout))
    return result.id


def move_balance(move: BalanceMove) -> BalanceMove:
    try:
        client.transfers.create(amount=move.amount_cents, source_balance=move.from_balance, destination_balance=move.to_balance, idempotency_key=f"move-{move.id}")
        move.status = "done"
    except RequestTimeout:
        log.error("balance move %s timed out", move.id)
        # label: AP-003 timeout-except
        move.status = "failed"
    save(move)
    return move


def run_payouts(payouts: list[SellerPayout]) -> dict[int, str]:
    outcome = {}
    for payout in payouts:
        try:
            # one payout per item; a failure moves on to the next payout
            # label-ok: AP-001 collection-iteration
            payout.reference = pay_seller_keyed(payout)
            payout.transition("paid")
        except RequestTimeout:
            payout.transition("unknown")
        except Exception as exc:
            log.exception("payout %s failed", payout.id)
            payout.transition("error")
            outcome[payout.id] = str(exc)
            continue
        outcome[payout.id] = payout.status
        save(payout)
    return outcome
