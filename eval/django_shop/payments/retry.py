"""Home-grown retry helpers shared by the services."""
import functools
import logging
import random
import time

import stripe

log = logging.getLogger(__name__)

TRANSIENT = (stripe.error.APIConnectionError, stripe.error.RateLimitError, ConnectionError)


def with_retries(fn, *args, attempts=3, **kwargs):
    """Call fn(*args, **kwargs) until it succeeds or attempts run out."""
    for attempt in range(attempts):
        try:
            return fn(*args, **kwargs)
        except TRANSIENT as exc:
            log.warning("%s failed (attempt %d/%d): %s", fn.__name__, attempt + 1, attempts, exc)
            time.sleep(2 ** attempt + random.random())
    raise RuntimeError(f"{fn.__name__} did not succeed after {attempts} attempts")


def run_with_backoff(operation, *, max_tries=4, base_delay=0.5):
    """Like with_retries, for zero-argument callables (lambdas, partials)."""
    delay = base_delay
    tries = 0
    while True:
        tries += 1
        try:
            return operation()
        except TRANSIENT:
            if tries >= max_tries:
                raise
            time.sleep(delay)
            delay *= 2


def resilient(times=3, delay=1.0):
    """Decorator factory: re-run the decorated function on transient errors."""

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            last = None
            for _ in range(times):
                try:
                    return func(*args, **kwargs)
                except TRANSIENT as exc:
                    last = exc
                    time.sleep(delay)
            raise last

        return wrapper

    return decorate
