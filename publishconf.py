"""Settings for publishing: the real address of the site."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://www.example.org")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
REVIEW_STRICT = True  # a production build refuses an article whose review is out of date
