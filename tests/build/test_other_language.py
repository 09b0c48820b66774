"""`[en: words]`: words in another language than the page's get their own `lang`."""

from tests.build.test_values import article_html


def test_words_in_another_language_get_their_lang_and_keep_their_markdown(tmp_path):
    html = article_html(tmp_path, "ASRA, the [en: American Society of *Regional* Anesthesia], "
                                  "says [es: dolor crónico] too.\n")
    assert ('<span lang="en">American Society of <em>Regional</em> Anesthesia</span>' in html)
    assert '<span lang="es">dolor crónico</span>' in html
    assert "[en:" not in html and "[es:" not in html


def test_a_language_the_site_does_not_have_is_left_as_written(tmp_path):
    html = article_html(tmp_path, "A word [fr: non] stays.\n")
    assert "[fr: non]" in html and 'lang="fr"' not in html
