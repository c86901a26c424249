"""Why the embedded server's process ended, in words a user can act on, and what its build is.

Python reports a process killed by a signal as a negative return code. Three cases matter:

- SIGILL (illegal instruction): the llama-cpp-python build uses CPU instructions this machine
  cannot run. A source build compiles for the build machine's CPU by default (GGML_NATIVE), and a
  virtual machine may advertise features it does not allow (AMX on some Intel VMs), or the build
  was made elsewhere. The way out is the portable build, `reinstall_command()`.
- SIGKILL: almost always the kernel's out-of-memory killer. The exit status alone cannot tell, so
  the kernel log is asked when it is readable; otherwise the wording says "most often".
- anything else: the server's log tail is the explanation, shown by the CLI.

The portable build flags live here once; README.md's run command uses the same (a test checks).
"""

from __future__ import annotations

import os
import platform
import re
import shlex
import signal
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from typing import Callable, Optional

#: x86-64: no CPU detection at build time; AVX2, FMA, F16C (and BMI2, AVX, SSE4.2, which GGML
#: turns on by default once GGML_NATIVE is off) — what every x86-64 server of the last decade runs.
PORTABLE_CMAKE_ARGS_X86_64 = "-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
#: other architectures (arm64): the compiler's baseline for the architecture.
PORTABLE_CMAKE_ARGS_OTHER = "-DGGML_NATIVE=OFF"
LLAMA_CPP_DIST = "llama-cpp-python"
LLAMA_CPP_PINNED = "0.3.36"  # as in pyproject's `local` extra

#: what the packaged model needs at the default context (peak server RSS measured: 2.1 GB)
MEMORY_HINT = (
    "the embedded model needs about 2.2 GB of free memory at the default --n-ctx 4096: "
    "close other programs, or give a smaller --n-ctx"
)


def portable_cmake_args(machine: Optional[str] = None) -> str:
    machine = (machine or platform.machine()).lower()
    return PORTABLE_CMAKE_ARGS_X86_64 if machine in ("x86_64", "amd64") else PORTABLE_CMAKE_ARGS_OTHER


def llama_cpp_version() -> Optional[str]:
    """The installed llama-cpp-python's version, None if it is not installed."""
    try:
        return metadata.version(LLAMA_CPP_DIST)
    except metadata.PackageNotFoundError:
        return None


def reinstall_command(machine: Optional[str] = None, python: Optional[str] = None) -> str:
    """The one command that rebuilds llama-cpp-python portably into the running environment.

    --force-reinstall replaces the bad build; --no-cache-dir keeps pip from reusing the wheel it
    built before (pip's wheel cache does not know about CMAKE_ARGS); --no-deps leaves the rest."""
    return (
        f'CMAKE_ARGS="{portable_cmake_args(machine)}" CMAKE_BUILD_PARALLEL_LEVEL={os.cpu_count() or 2} '
        f"{shlex.quote(python or sys.executable)} -m pip install --force-reinstall --no-deps --no-cache-dir "
        f'"{LLAMA_CPP_DIST}=={llama_cpp_version() or LLAMA_CPP_PINNED}"'
    )


@dataclass(frozen=True)
class ExitCause:
    """How a process ended: `what` completes "the embedded server …"; `why` (if known) is the
    cause in the user's terms; `hint` is what to do; `show_log` says whether the log tail helps."""

    what: str
    why: Optional[str]
    hint: str
    show_log: bool


def read_kernel_log() -> Optional[str]:
    """The kernel log (`dmesg`), or None where it is not readable (containers, dmesg_restrict)."""
    try:
        done = subprocess.run(["dmesg"], capture_output=True, text=True, timeout=3, errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 and done.stdout else None


def oom_killed(pid: int, kernel_log: Optional[Callable[[], Optional[str]]] = None) -> Optional[bool]:
    """True if the kernel log records the OOM killer killing `pid`; None if the log is unreadable."""
    text = (kernel_log or read_kernel_log)()
    if text is None:
        return None
    pattern = re.compile(rf"(Out of memory|Memory cgroup out of memory): Killed process {pid}\b|oom-kill:.*\bpid={pid}\b")
    return bool(pattern.search(text))


def signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def explain_exit(
    returncode: int, pid: Optional[int] = None, *, log_path: str = "", machine: Optional[str] = None,
    kernel_log: Optional[Callable[[], Optional[str]]] = None,
) -> ExitCause:
    """Turn a server's exit status into what happened and what to do about it."""
    full_log = f"full log: {log_path}" if log_path else "see the server log"
    if returncode == -signal.SIGILL:
        return ExitCause(
            what="crashed on an illegal instruction (SIGILL)",
            why="this llama-cpp-python build uses CPU instructions this machine cannot run",
            hint=f"rebuild it for any machine of this kind (takes a few minutes): {reinstall_command(machine)}",
            show_log=False,
        )
    if returncode == -signal.SIGKILL:
        if pid is not None and oom_killed(pid, kernel_log):
            return ExitCause("was killed by the out-of-memory killer", "the machine ran out of memory", MEMORY_HINT, False)
        return ExitCause("was killed (SIGKILL)", "most often by the out-of-memory killer", MEMORY_HINT + f"; {full_log}", True)
    if returncode < 0:
        return ExitCause(f"was killed by {signal_name(-returncode)}", None, full_log, True)
    return ExitCause(f"exited with code {returncode}", None, full_log, True)


_SYSTEM_INFO = re.compile(r"^\s*CPU : (?:[\w.]+ = \w+ \| ?)+\s*$")


def system_info(log_text: str) -> Optional[str]:
    """llama.cpp's system info line from a server log (the CPU features the build was compiled
    with, e.g. `CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | …`), or None if the log has none."""
    found = [line.strip() for line in log_text.splitlines() if _SYSTEM_INFO.match(line)]
    return found[-1].rstrip(" |") if found else None
