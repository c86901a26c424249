"""How the end of a server process is explained, the rebuild command, the build's CPU feature
line, and that README.md's run command builds portably with the same flags."""

from __future__ import annotations

import re
import signal

from summarizer.model import diagnose
from summarizer.model.diagnose import explain_exit, oom_killed, portable_cmake_args, reinstall_command, system_info

from tests.conftest import ROOT

KERNEL_OOM = "[ 812.4] Out of memory: Killed process 4242 (python) total-vm:3000000kB, anon-rss:2100000kB\n"


def test_sigill_is_the_build_not_memory():
    cause = explain_exit(-signal.SIGILL, 4242, log_path="/x/server.log", machine="x86_64")
    assert cause.what == "crashed on an illegal instruction (SIGILL)"
    assert cause.why == "this llama-cpp-python build uses CPU instructions this machine cannot run"
    assert reinstall_command("x86_64") in cause.hint and "memory" not in cause.hint
    assert not cause.show_log


def test_sigkill_confirmed_by_the_kernel_log_is_the_oom_killer():
    cause = explain_exit(-signal.SIGKILL, 4242, kernel_log=lambda: KERNEL_OOM)
    assert cause.what == "was killed by the out-of-memory killer"
    assert "--n-ctx" in cause.hint


def test_sigkill_without_a_kernel_log_says_most_often():
    cause = explain_exit(-signal.SIGKILL, 4242, log_path="/x/server.log", kernel_log=lambda: None)
    assert cause.what == "was killed (SIGKILL)" and cause.why == "most often by the out-of-memory killer"
    assert "--n-ctx" in cause.hint and "/x/server.log" in cause.hint and cause.show_log
    other_pid = explain_exit(-signal.SIGKILL, 99, kernel_log=lambda: KERNEL_OOM)
    assert other_pid.what == "was killed (SIGKILL)"


def test_oom_killed_reads_both_kernel_formats():
    assert oom_killed(4242, lambda: KERNEL_OOM) is True
    assert oom_killed(4242, lambda: "oom-kill:constraint=CONSTRAINT_NONE,task=python,pid=4242,uid=0") is True
    assert oom_killed(424, lambda: KERNEL_OOM) is False
    assert oom_killed(4242, lambda: None) is None


def test_other_ends_point_to_the_log():
    segv = explain_exit(-signal.SIGSEGV, 1, log_path="/x/server.log")
    assert segv.what == "was killed by SIGSEGV" and segv.why is None and segv.show_log
    assert explain_exit(1, 1, log_path="/x/server.log").what == "exited with code 1"
    assert "/x/server.log" in explain_exit(1, 1, log_path="/x/server.log").hint


def test_rebuild_command_is_portable_per_architecture(monkeypatch):
    monkeypatch.setattr(diagnose, "llama_cpp_version", lambda: None)
    x86 = reinstall_command("x86_64", python="/v/bin/python")
    assert x86.startswith('CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON" CMAKE_BUILD_PARALLEL_LEVEL=')
    assert x86.endswith('/v/bin/python -m pip install --force-reinstall --no-deps --no-cache-dir "llama-cpp-python==0.3.36"')
    arm = reinstall_command("aarch64", python="/v/bin/python")
    assert arm.startswith('CMAKE_ARGS="-DGGML_NATIVE=OFF" ') and "AVX" not in arm
    assert "'/my env/bin/python'" in reinstall_command("x86_64", python="/my env/bin/python")


def test_system_info_line_is_found_in_a_log():
    log = (
        "llama_model_loader: loaded meta data\n"
        "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | BMI2 = 1 | AVX512 = 1 | OPENMP = 1 | REPACK = 1 | \n"
        "INFO:     Uvicorn running on http://127.0.0.1:8765\n"
    )
    assert system_info(log) == "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | BMI2 = 1 | AVX512 = 1 | OPENMP = 1 | REPACK = 1"
    assert system_info("no such line\n") is None


def test_readme_run_command_builds_portably_with_the_same_flags():
    """The first set-up command builds llama-cpp-python without CPU detection on x86-64 (the
    flags the rebuild hint gives) and with llama.cpp's default build elsewhere (arm64)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    run = next(b for b in blocks if "summarizer summarize" in b)
    assert "\n" not in run  # one command line
    assert f'test "$(uname -m)" = x86_64 && echo {portable_cmake_args("x86_64")}' in run
    assert 'CMAKE_ARGS="$(' in run and ".[local]" in run
