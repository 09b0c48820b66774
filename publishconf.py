"""Settings for publishing: the real address of the site, and what a production host needs.

`SITEURL` (environment) is where the site is read; `invoke production` sets it to the local
address it serves. `HOSTING_ROOT` (environment) is the folder the server will serve the output
from, written into the generated nginx and Caddy configurations (default: the output folder).
`REVIEWERS` (environment, JSON such as {"clinical-lead": "Dr J. Rivera, MD"}) replaces
pelicanconf.py's REVIEWERS for this build: a placeholder reviewer (marked "example") stops it.
"""

import json
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://www.example.org")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

HOSTING_ROOT = os.environ.get("HOSTING_ROOT")
PRECOMPRESS = True  # .br and .gz beside every text file and the runtime (plugins/production)
REVIEW_STRICT = True  # a production build refuses an out-of-date review or a placeholder reviewer
DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""  # a draft's page (drafts/) is for local builds only
if os.environ.get("REVIEWERS"):
    REVIEWERS = json.loads(os.environ["REVIEWERS"])
