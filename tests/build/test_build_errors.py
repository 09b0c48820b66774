"""Under livereload, a broken article's error block reaches the browser."""

from scripts import build_errors
from tests.build.test_authoring_errors import pelican_cli


def test_a_failed_build_shows_its_block_on_every_page(tmp_path):
    done = pelican_cli(tmp_path, "A figure [@no-such-source].\n")
    assert done.returncode == 1
    output = tmp_path / "served"
    (output / "an-article").mkdir(parents=True)
    for page in (output / "index.html", output / "an-article" / "index.html"):
        page.write_text("<p>the last good build</p>")
    assert build_errors.show_in_browser(output, done.stderr) == 2
    shown = (output / "an-article" / "index.html").read_text()
    assert "the last good build" not in shown and "1 authoring error(s):" in shown
    assert "broken.md:8: unknown reference [@no-such-source]" in shown
    assert "<pre>" in shown and "Traceback" not in shown
