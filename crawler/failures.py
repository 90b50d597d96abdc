"""Name what went wrong with a request: the reason counted in `runs.stats.errors_by_source`."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net_error
from twisted.internet.defer import CancelledError
from twisted.internet.defer import TimeoutError as DeferTimeoutError
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

#: IgnoreRequest messages (their start or a part) and what they mean: (reason, is_error).
_IGNORED: tuple[tuple[str, tuple[str, bool]], ...] = (
    ("Forbidden by robots.txt", ("robots_disallowed", False)),
    ("offsite redirect", ("redirect_offsite", True)),  # the source's page sends us elsewhere: its fault
    ("offsite", ("offsite", False)),  # a link we chose not to follow: our decision
    ("redirect loop", ("redirect_loop", True)),
    ("max redirections reached", ("redirect_loop", True)),
    ("DOWNLOAD_MAXSIZE", ("too_large", True)),  # HttpCompressionMiddleware: a body that inflates too far
)

#: Exception types and their reason; checked in order (subclasses first).
_EXCEPTIONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, net_error.TimeoutError, net_error.TCPTimedOutError, DeferTimeoutError), "timeout"),
    ((CannotResolveHostError, net_error.DNSLookupError), "dns"),
    ((DownloadConnectionRefusedError, net_error.ConnectionRefusedError), "connection_refused"),
    # Scrapy cancels a download whose announced or received size outgrows DOWNLOAD_MAXSIZE.
    ((DownloadCancelledError, CancelledError), "too_large"),
    ((ResponseDataLossError,), "truncated"),  # fewer bytes than Content-Length promised
    ((DownloadFailedError, ResponseNeverReceived, ResponseFailed, net_error.ConnectionLost,
      net_error.ConnectionDone, net_error.ConnectError, ConnectionError), "connection"),
)

#: Page texts of bot challenges and bans that come with an error status (403, 429, 503).
_CHALLENGE_MARKERS = (
    "checking your browser", "just a moment", "verify you are human", "are you a robot", "captcha",
    "attention required", "access denied", "zugriff verweigert", "ddos protection", "bot protection",
    "unusual traffic", "enable javascript and cookies", "bitte aktivieren sie javascript", "request unsuccessful",
)
_CHALLENGE_STATUSES = frozenset({401, 403, 429, 503})


def reason_for_exception(exc: BaseException) -> str:
    """The stats reason of a download exception ('timeout', 'connection', 'truncated', ...)."""
    for types, reason in _EXCEPTIONS:
        if isinstance(exc, types):
            return reason
    return type(exc).__name__.lower()


def is_challenge(status: int, body: bytes) -> bool:
    """Whether an error response is a bot challenge or ban page rather than a plain error."""
    if status not in _CHALLENGE_STATUSES:
        return False
    low = body[:50_000].decode("utf-8", "replace").lower()
    return any(marker in low for marker in _CHALLENGE_MARKERS)


def classify_failure(failure: Failure) -> tuple[str, bool]:
    """(reason, is_error): an error is a fault of the source; the rest are our own decisions to skip."""
    if failure.check(HttpError):
        response = failure.value.response
        if is_challenge(response.status, response.body):
            return "blocked", True
        return f"http_{response.status}", True
    if failure.check(IgnoreRequest):
        message = str(failure.value)
        for text, outcome in _IGNORED:
            if message.startswith(text) or text in message:
                return outcome
        return "ignored", False
    return reason_for_exception(failure.value), True


#: Reasons a later run may not meet again: the page waits in the frontier and is tried again (with a growing wait).
#: Everything else (a 404, a page that is no article, a link we chose not to follow) is final.
TRANSIENT = frozenset({"timeout", "dns", "connection_refused", "connection", "truncated", "blocked", "http_408",
                       "http_429", "crash", "store", "interrupted"})


def is_transient(reason: str) -> bool:
    """Whether a failed page is worth another attempt in a later run: a network fault, a 5xx, a bot challenge, a
    crashed extraction worker, a failed write."""
    return reason in TRANSIENT or (reason.startswith("http_5") and reason[5:].isdigit())
