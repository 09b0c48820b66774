"""Every built page is valid HTML by the Nu Html Checker (vnu.jar from npm, run with Java)."""

import shutil
import subprocess

from scripts.site import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_validates(site):
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker: scripts/bootstrap --browser installs it"
    assert VNU.is_file(), "vnu.jar is missing: run npm ci"
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
