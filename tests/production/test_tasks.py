"""`invoke production` (a production build served by a real server until Ctrl-C) and the publish
targets with their dry runs, on local folders and repositories only."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from deploy import publish
from project import ToolFailed, run_tool
from tests.production.support import free_port, with_reviewers
from scripts.site import ROOT


def invoke(*arguments, env=None):
    return subprocess.run([sys.executable, "-m", "invoke", *arguments], cwd=ROOT,
                          capture_output=True, text=True, env=with_reviewers(env))


@pytest.mark.parametrize("kind", ["nginx", "caddy"])
def test_invoke_production_builds_then_serves_until_ctrl_c(tmp_path, kind):
    port, log = free_port(), tmp_path / "log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "production", "--port", str(port), "--server", kind,
             "--output", str(tmp_path / "output")],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env=with_reviewers())
    try:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Accept-Encoding": "br"})
        for _ in range(600):
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    headers = response.headers
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, log.read_text()
                time.sleep(0.2)
        else:
            pytest.fail(f"nothing answered on port {port}:\n{log.read_text()}")
        assert headers["Content-Encoding"] == "br"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Server"].lower().startswith(kind)
        assert f'href="http://127.0.0.1:{port}/' in (tmp_path / "output" / "index.html").read_text()
    finally:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        process.wait(timeout=30)
    assert process.returncode == 0, log.read_text()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)


def test_invoke_production_says_what_to_install_for_an_unknown_server():
    done = invoke("production", "--server", "apache")
    assert done.returncode == 2 and "nginx or caddy" in done.stderr


@pytest.fixture
def output(tmp_path):
    folder = tmp_path / "output"
    (folder / "about").mkdir(parents=True)
    (folder / "index.html").write_text("<p>home</p>")
    (folder / "about" / "index.html").write_text("<p>about</p>")
    (folder / "_headers").write_text("/*\n  X-Content-Type-Options: nosniff\n")
    return folder


def test_rsync_dry_run_lists_what_would_change_and_changes_nothing(tmp_path, output):
    destination = tmp_path / "server"
    destination.mkdir()
    (destination / "old.html").write_text("gone from the site")
    listed = publish.rsync(output, f"{destination}/", dry_run=True)
    assert ">f+++++++++ about/index.html" in listed and "*deleting   old.html" in listed
    assert sorted(p.name for p in destination.iterdir()) == ["old.html"]
    publish.rsync(output, f"{destination}/")
    assert (destination / "about" / "index.html").read_text() == "<p>about</p>"
    assert not (destination / "old.html").exists()
    assert publish.rsync(output, f"{destination}/", dry_run=True).strip() == ""
    (output / "index.html").write_text("<p>new home</p>")
    assert publish.rsync(output, f"{destination}/", dry_run=True).split()[1:] == ["index.html"]


def test_a_failed_publish_names_the_tool_and_says_why(tmp_path, output):
    with pytest.raises(ToolFailed) as failed:
        publish.rsync(output, f"{tmp_path}/no/such/folder/")
    assert str(failed.value).startswith("rsync ") and "No such file or directory" in str(failed.value)
    with pytest.raises(ToolFailed, match="no-such-tool failed"):  # not a bare FileNotFoundError
        run_tool(["no-such-tool"])


def git(repo, *arguments):
    return subprocess.run(["git", "-C", str(repo), *arguments], check=True, capture_output=True,
                          text=True).stdout


def test_gh_pages_dry_run_lists_what_would_change_and_the_real_run_commits_it(tmp_path, output):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", "start")
    assert publish.gh_pages_changes(output, repo, "gh-pages") == [
        "added .nojekyll", "added _headers", "added about/index.html", "added index.html"]
    assert "gh-pages" not in git(repo, "branch")
    publish.gh_pages(output, repo, push=False)
    assert git(repo, "show", "gh-pages:about/index.html") == "<p>about</p>"
    assert publish.gh_pages_changes(output, repo, "gh-pages") == []
    (output / "index.html").write_text("<p>new home</p>")
    (output / "about" / "index.html").unlink()
    assert publish.gh_pages_changes(output, repo, "gh-pages") == [
        "deleted about/index.html", "changed index.html"]


def test_invoke_publish_builds_for_production_then_dry_runs_rsync(tmp_path):
    destination = tmp_path / "server"
    destination.mkdir()
    done = invoke("publish", "--target", "rsync", "--dry-run", "--dest", f"{destination}/",
                  "--output", str(tmp_path / "output"),
                  env={**os.environ, "SITEURL": "https://clinic.example"})
    assert done.returncode == 0, done.stderr
    assert "index.html.br" in done.stdout and "runtime/" in done.stdout
    assert list(destination.iterdir()) == []
    assert 'href="https://clinic.example/' in (tmp_path / "output" / "index.html").read_text()
    without_dest = {name: value for name, value in os.environ.items() if name != "RSYNC_DEST"}
    missing = invoke("publish", "--target", "rsync", env=without_dest)
    assert missing.returncode == 2 and "--dest" in missing.stderr
