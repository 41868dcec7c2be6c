"""Start-up of the PyInstaller bundle (`bash scripts/build.sh` makes dist/tinnhiem/ first).

- `tinnhiem-cli results ROUND` on a 1,000 × 60 round, from launch to exit: the bundle's whole
  start-up (unpacking nothing: one folder) plus opening the round and tallying it; the same
  command from the venv beside it for comparison.
- Where Xvfb and xdotool are installed: launching the bundle's window on that round until the
  "who is keying" prompt is visible on the X screen. The prompt comes after the round is open and
  its grid built (MainWindow.open_round), so this is the bundle's time to a usable window; the app
  has no start-up timing hook, hence the X screen. Skipped without Xvfb (offscreen shows nothing
  that another process can see).

`.venv/bin/python bench/bench_bundle.py` prints the figures; like every benchmark it never fails
on a slow machine, and it reports nothing when there is no bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import bench_folder, big_round, percentile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "tinnhiem"
EXE = ".exe" if sys.platform == "win32" else ""
RUNS = 5
PROMPT = "Người nhập phiếu"  # the title of the keyer prompt (Dialogs.choose in MainWindow.choose_keyer)


def clean_env(folder: Path, **extra: str) -> dict[str, str]:
    """A throw-away home, so no settings or font cache of this machine's user take part."""
    home = folder / "bundle-home"
    dirs = {"HOME": home, "XDG_CONFIG_HOME": home / "config", "XDG_CACHE_HOME": home / "cache",
            "XDG_DATA_HOME": home / "data", "XDG_RUNTIME_DIR": home / "runtime"}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    return {**os.environ, **{k: str(v) for k, v in dirs.items()}, "QT_QPA_PLATFORM": "offscreen", **extra}


def timed(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - began


def cli_results(path: Path, env: dict[str, str]) -> dict[str, float]:
    figures = {}
    commands = {"bundle_cli_results": [str(BUNDLE / f"tinnhiem-cli{EXE}")],
                "venv_cli_results": [sys.executable, "-m", "tinnhiem_desktop.cli"]}
    for name, command in commands.items():
        timed(command + ["results", str(path)], env)  # warm the OS file cache once
        times = [timed(command + ["results", str(path)], env) for _ in range(RUNS)]
        figures[f"{name}_median_seconds"] = percentile(times, 50)
    return figures


def start_xvfb() -> tuple[subprocess.Popen, str] | None:
    """A private X screen, once it answers (a few tries: another Xvfb may take the number)."""
    if sys.platform != "linux" or not (shutil.which("Xvfb") and shutil.which("xdotool")):
        return None
    for _ in range(3):
        read, write = os.pipe()
        # -noreset: otherwise the server resets when the last window closes and refuses the next
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                                   "-noreset"],
                                  pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as handle:
            display = f":{handle.readline().strip()}"
        deadline = time.perf_counter() + 10
        while server.poll() is None and time.perf_counter() < deadline:
            answered = subprocess.run(["xdotool", "getdisplaygeometry"], env={**os.environ, "DISPLAY": display},
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if answered.returncode == 0:
                return server, display
            time.sleep(0.05)
        server.kill()
        server.wait()
    return None


def prompt_visible(env: dict[str, str]) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", PROMPT], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return bool(found.stdout.strip())


def gui_to_window(path: Path, env: dict[str, str]) -> dict[str, float]:
    started = start_xvfb()
    if started is None:
        print("bundle window: skipped (needs Xvfb and xdotool, and an X screen that starts)")
        return {}
    server, display = started
    env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    times = []
    try:
        for _ in range(RUNS):
            began = time.perf_counter()
            log = path.with_name("bundle-window.log")
            with log.open("wb") as handle:
                window = subprocess.Popen([str(BUNDLE / f"tinnhiem{EXE}"), str(path)], env=env,
                                          stdout=handle, stderr=subprocess.STDOUT)
            try:
                while not prompt_visible(env):
                    if window.poll() is not None:
                        raise RuntimeError(f"the bundle's window exited with status {window.returncode}:\n"
                                           + log.read_text(encoding="utf-8", errors="replace")[-3000:])
                    if time.perf_counter() - began > 60:
                        raise RuntimeError("no keyer prompt within 60 s")
                    time.sleep(0.02)
                times.append(time.perf_counter() - began)
            finally:
                window.kill()
                window.wait()
    finally:
        server.terminate()  # not kill: Xvfb removes its socket and lock on SIGTERM
        server.wait()
    return {"bundle_window_median_seconds": percentile(times, 50), "bundle_window_max_seconds": max(times)}


def main() -> dict[str, float]:
    if not (BUNDLE / f"tinnhiem-cli{EXE}").exists():
        print(f"bundle: skipped, no {BUNDLE} (run `bash scripts/build.sh` first)")
        return {}
    folder = bench_folder()
    path = big_round(folder, forms=1, candidates=60, ballots=1000)
    env = clean_env(folder)
    try:
        figures = cli_results(path, env)
    except subprocess.CalledProcessError as error:  # e.g. a bundle older than the round's schema
        detail = (error.stderr or b"").decode("utf-8", "replace").strip()
        print(f"bundle: skipped, the bundle could not read the round ({detail}); rebuild it with scripts/build.sh")
        return {}
    figures.update(gui_to_window(path, env))
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    return figures


if __name__ == "__main__":
    main()
