"""A share image for every article (OpenGraph and Twitter cards): its title and the clinic's name
on the brand's colours (the settings' BRAND), drawn with Pillow in a Debian font, made once and cached.

`register()` only connects signals; the drawing is in `drawing`.
"""

from pelican import signals

from .drawing import copy_images, make_images


def register():
    signals.article_generator_finalized.connect(make_images)
    signals.article_writer_finalized.connect(copy_images)
