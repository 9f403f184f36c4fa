"""Subscription renewals as a service class with its own retry method."""
import logging
import time

import stripe

from .models import Subscription

log = logging.getLogger(__name__)


class RenewalService:
    def __init__(self, attempts: int = 3, pause: float = 2.0):
        self.attempts = attempts
        self.pause = pause

    def _retrying(self, op):
        for attempt in range(1, self.attempts + 1):
            try:
                return op()
            except stripe.error.APIConnectionError:
                if attempt == self.attempts:
                    raise
                log.info("renewal attempt %d failed, retrying", attempt)
                time.sleep(self.pause * attempt)

    def renew(self, subscription: Subscription) -> str:
        intent = self._retrying(
            # label: AP-001 class-method-wrapper
            lambda: stripe.PaymentIntent.create(amount=subscription.price_cents, currency="usd", customer=subscription.customer.stripe_id, off_session=True, confirm=True)
        )
        return intent.id

    def renew_keyed(self, subscription: Subscription) -> str:
        key = f"renewal-{subscription.pk}-{subscription.current_period_end:%Y%m}"
        intent = self._retrying(
            # label-ok: AP-001 key-kwarg
            lambda: stripe.PaymentIntent.create(amount=subscription.price_cents, currency="usd", customer=subscription.customer.stripe_id, off_session=True, confirm=True, idempotency_key=key)
        )
        return intent.id


def charge_plan_change(subscription: Subscription, delta_cents: int, **request_options) -> str:
    for attempt in range(3):
        try:
            # the only caller passes idempotency_key through **request_options
            # label-ok: AP-001 key-kwargs-spread
            intent = stripe.PaymentIntent.create(amount=delta_cents, currency="usd", customer=subscription.customer.stripe_id, off_session=True, confirm=True, **request_options)
            return intent.id
        except stripe.error.APIConnectionError:
            time.sleep(attempt + 1)
    raise RuntimeError("plan change not charged")


def upgrade(subscription: Subscription, new_plan: str, new_price_cents: int) -> str:
    delta = max(new_price_cents - subscription.price_cents, 0)
    intent_id = charge_plan_change(subscription, delta, idempotency_key=f"upgrade-{subscription.pk}-{new_plan}")
    subscription.plan = new_plan
    subscription.price_cents = new_price_cents
    subscription.save(update_fields=["plan", "price_cents"])
    return intent_id
