"""Retry helper for dunning attempts."""
import logging
import time

from .gateway import ProcessorError

log = logging.getLogger(__name__)


def keep_trying(func, *args, attempts: int = 5, pause: float = 30.0):
    """Run func(*args); on a processor error wait and run it again."""
    error = None
    for n in range(1, attempts + 1):
        try:
            return func(*args)
        except ProcessorError as exc:
            error = exc
            log.info("dunning attempt %d/%d failed: %s", n, attempts, exc)
            time.sleep(pause * n)
    raise error
