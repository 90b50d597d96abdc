"""Name what went wrong with a request: the reason counted in `runs.stats.errors_by_source`."""

from __future__ import annotations

from twisted.internet import error as net_error
from twisted.internet.defer import CancelledError, TimeoutError as DeferTimeoutError
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

#: IgnoreRequest messages that are decisions, not faults.
_DECISIONS = {
    "Forbidden by robots.txt": "robots_disallowed",
}


def classify_failure(failure: Failure) -> tuple[str, bool]:
    """(reason, is_error): an error is a fault of the source; the rest are our own decisions to skip."""
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"http_{status}", True
    if failure.check(IgnoreRequest):
        message = str(failure.value)
        for text, reason in _DECISIONS.items():
            if text in message:
                return reason, False
        if message.startswith("offsite"):
            return "offsite", False
        return "ignored", False
    if failure.check(net_error.TimeoutError, net_error.TCPTimedOutError, DeferTimeoutError):
        return "timeout", True
    if failure.check(net_error.DNSLookupError):
        return "dns", True
    if failure.check(net_error.ConnectionRefusedError):
        return "connection_refused", True
    if failure.check(CancelledError):
        # Scrapy cancels a download that outgrows DOWNLOAD_MAXSIZE.
        return "too_large", True
    if failure.check(ResponseNeverReceived, ResponseFailed, net_error.ConnectionLost, net_error.ConnectionDone,
                     net_error.ConnectError):
        return "connection", True
    return type(failure.value).__name__.lower(), True
