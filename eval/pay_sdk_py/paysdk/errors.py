class PayError(Exception):
    def __init__(self, message: str, status: int | None = None, code: str | None = None):
        super().__init__(message)
        self.status = status
        self.code = code


class ServerError(PayError):
    pass


class RequestTimeout(PayError):
    pass


class InvalidRequest(PayError):
    pass
