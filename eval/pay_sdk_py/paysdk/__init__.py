"""paysdk: client for the Payouts API."""
from .client import PayClient
from .errors import PayError, RequestTimeout, ServerError
from .retry import retry_policy

__all__ = ["PayClient", "PayError", "RequestTimeout", "ServerError", "retry_policy"]
__version__ = "2.3.0"
