"""The one error tree of the tool.

The library raises these; only the CLI turns them into messages and exit codes, so no user
ever sees a traceback for a condition we know about::

    SummarizerError
    ├── InputError                  a file we cannot read as a report
    ├── OutputError                 a place we cannot write an output to
    ├── UsageError                  options that do not go together
    ├── ConfigError                 a setting that makes no sense
    ├── EndpointError               the model server cannot be used
    │   ├── EndpointUnreachable     nothing answers at the base URL
    │   ├── AuthenticationFailed    the server refused the API key
    │   └── ModelNotFound           the server does not serve the model
    ├── LocalServerError            the embedded server could not be provided
    │   ├── LocalExtraMissing       llama-cpp-python is not installed
    │   ├── ModelFileError          the weights are missing or do not verify
    │   ├── PortInUse               the requested port is taken
    │   └── ServerProcessError      the server process failed (log tail, exit status)
    │       ├── ServerStartFailed   it did not come up, or crashed on its start-up self-test
    │       └── ServerDied          it exited while in use
    └── ExtractionError             the model gave no valid answer after retries
"""

from __future__ import annotations

from pathlib import Path


class SummarizerError(Exception):
    """Base of every error the tool raises on purpose. `hint` says what the user can do."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class InputError(SummarizerError):
    """A path that is not a readable report: missing, a directory, empty, binary, too large."""

    exit_code = 2

    def __init__(self, path: Path | str, reason: str, *, hint: str | None = None) -> None:
        super().__init__(f"{path}: {reason}", hint=hint)
        self.path = str(path)
        self.reason = reason


class OutputError(SummarizerError):
    """A path an output cannot be written to: a folder where a file is meant, a path under a
    file, a place without write permission. Raised before any work where it can be known."""

    exit_code = 2

    def __init__(self, path: Path | str, reason: str, *, hint: str | None = None) -> None:
        super().__init__(f"{path}: {reason}", hint=hint)
        self.path = str(path)
        self.reason = reason


class UsageError(SummarizerError):
    """Options that do not go together (two output formats), or a value an option cannot take."""

    exit_code = 2


class ConfigError(SummarizerError):
    exit_code = 2


class EndpointError(SummarizerError):
    exit_code = 3


class EndpointUnreachable(EndpointError):
    pass


class AuthenticationFailed(EndpointError):
    pass


class ModelNotFound(EndpointError):
    pass


class LocalServerError(SummarizerError):
    exit_code = 3


class LocalExtraMissing(LocalServerError):
    pass


class ModelFileError(LocalServerError):
    pass


class PortInUse(LocalServerError):
    pass


class ServerProcessError(LocalServerError):
    """The server process failed. `log_tail` is the end of its log; `returncode` is its exit
    status as `subprocess` gives it (negative: killed by that signal), None while it runs."""

    def __init__(self, message: str, *, log_tail: str = "", returncode: int | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.log_tail = log_tail
        self.returncode = returncode


class ServerStartFailed(ServerProcessError):
    pass


class ServerDied(ServerProcessError):
    pass


class ExtractionError(SummarizerError):
    """The model gave no schema-valid answer; carries what is needed to see why."""

    exit_code = 4

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        last_output: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.attempts = attempts
        self.last_output = last_output
