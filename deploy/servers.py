"""Debian's nginx or Caddy serving the built site with the configuration the build wrote, in
the foreground (`invoke production`) or for the length of a `with` block (the tests), or
checking it (`nginx -t`, `caddy validate`) as a fresh server would.

Everything a server writes (pid file, logs, temporary files, Caddy's state) goes in a private
folder, so it runs as root or not, beside any system-wide instance, and leaves nothing behind.
"""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from deploy.configs import listening
from project import run_tool

PACKAGES = "nginx libnginx-mod-http-brotli-static caddy"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
CONFIG_NAMES = {"nginx": "nginx.conf", "caddy": "Caddyfile"}


class ServerError(Exception):
    pass


def missing_packages(kind):
    """What keeps `kind` from running here, said as the command that fixes it, or None."""
    missing = shutil.which(kind, path="/usr/sbin:/usr/bin:" + os.environ.get("PATH", "")) is None
    if kind == "nginx" and not BROTLI_MODULE.is_file():
        missing = True
    if missing:
        return (f"{kind} (Debian's package{' with its brotli_static module' if kind == 'nginx' else ''})"
                f" is not installed: run `scripts/bootstrap --browser` as root, or"
                f" `sudo apt-get install {PACKAGES}`")
    return None


def nginx_main(prefix, site_config, quiet):
    """nginx's main and http context around the built server block."""
    owner = Path(site_config).parent.stat().st_uid
    # As root, the workers read the site as the one who owns the built files.
    user = f"user {pwd.getpwuid(owner).pw_name};" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {kind}_temp_path {prefix / kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""# nginx in the foreground for one site: `invoke production` and the tests write this.
daemon off;
worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log stderr notice;
load_module {BROTLI_MODULE};
{user}
events {{
    worker_connections 256;
}}
http {{
    access_log {'off' if quiet else '/dev/stdout'};
{temp}
    sendfile on;
    include {site_config};
}}
"""


def command(kind, site_config, prefix, quiet, check=False):
    """The command line that runs `kind` on the built `site_config` (or, with `check`, only
    tests it), its files under `prefix`."""
    if kind == "nginx":
        main = prefix / "nginx.conf"
        main.write_text(nginx_main(prefix, Path(site_config).resolve(), quiet))
        return ["nginx", "-p", f"{prefix}/", "-e", "stderr", "-c", str(main), *(["-t"] if check else [])]
    if kind == "caddy":
        main = prefix / "Caddyfile"
        # No admin endpoint (two Caddys may run at once); its state (and autosave) stay in `prefix`.
        main.write_text(f"""{{
    admin off
    storage file_system {prefix / 'data'}
}}
import {Path(site_config).resolve()}
""")
        return ["caddy", "validate" if check else "run", "--adapter", "caddyfile", "--config", str(main)]
    raise ValueError(f"no such server: {kind} (nginx or caddy)")


def private_environment(prefix):
    """The environment a server runs in: its home and its state in `prefix`."""
    (prefix / "data").mkdir(exist_ok=True)
    return {**os.environ, "HOME": str(prefix), "XDG_DATA_HOME": str(prefix / "data"),
            "XDG_CONFIG_HOME": str(prefix / "config")}


def check_config(kind, site_config):
    """`nginx -t` or `caddy validate` on the built `site_config` alone, as on a fresh server: in
    a private folder, with nothing of this machine's configuration. ToolFailed, with what the
    server said, when it refuses the file."""
    problem = missing_packages(kind)
    if problem:
        raise ServerError(problem)
    with tempfile.TemporaryDirectory(prefix=f"check-{kind}-") as scratch:
        prefix = Path(scratch)
        run_tool(command(kind, site_config, prefix, quiet=True, check=True),
                 name=f"checking {site_config} with {kind}", env=private_environment(prefix))


class RealServer:
    """`kind` (nginx or caddy) serving `address` with `site_config`, the file the build wrote."""

    def __init__(self, kind, site_config, address, quiet=True):
        problem = missing_packages(kind)
        if problem:
            raise ServerError(problem)
        self.kind, self.site_config, self.quiet = kind, site_config, quiet
        self.url = address.rstrip("/")
        _, _, self.port, bind = listening(address)
        self.host = bind or "127.0.0.1"

    def _start(self, prefix, **streams):
        return subprocess.Popen(command(self.kind, self.site_config, prefix, self.quiet),
                                env=private_environment(prefix), **streams)

    def run(self):
        """Serve in the foreground until Ctrl-C."""
        with tempfile.TemporaryDirectory(prefix=f"site-{self.kind}-") as scratch:
            process = self._start(Path(scratch))
            sys.stderr.write(f"{self.kind} serving at {self.url}/ (Ctrl-C stops it) ...\n")
            try:
                process.wait()
            except KeyboardInterrupt:
                process.send_signal(signal.SIGTERM)
                process.wait()
            if process.returncode not in (0, -signal.SIGTERM, -signal.SIGINT):
                raise ServerError(f"{self.kind} stopped with status {process.returncode}")

    def __enter__(self):
        self._scratch = tempfile.TemporaryDirectory(prefix=f"site-{self.kind}-")
        prefix = Path(self._scratch.name)
        self._log = open(prefix / "server.log", "w+")
        self.process = self._start(prefix, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                socket.create_connection((self.host, self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        log = self.log()
        self.__exit__()
        raise ServerError(f"{self.kind} did not start on {self.url}:\n{log[-3000:]}")

    def log(self):
        self._log.seek(0)
        return self._log.read()

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self._log.close()
        self._scratch.cleanup()
