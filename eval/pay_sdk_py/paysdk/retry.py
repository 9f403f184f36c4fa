"""Opt-in retry decorator for application code built on the SDK."""
import functools
import time

from .errors import PayError, ServerError


def retry_policy(max_attempts: int = 3, retry_on=(ServerError,), delay: float = 1.0):
    def decorator(func):
        @functools.wraps(func)
        def wrapped(*args, **kwargs):
            attempt = 0
            while True:
                attempt += 1
                try:
                    return func(*args, **kwargs)
                except retry_on:
                    if attempt >= max_attempts:
                        raise
                    time.sleep(delay * attempt)

        return wrapped

    return decorator


def is_retryable(error: PayError) -> bool:
    return isinstance(error, ServerError) or error.status in (429, 503)
