from textdiff import DiffStat, changed_words, render_word_diff, similarity, summary


def test_word_replacement():
    """The word diff of 'the red car' to 'the blue car' is 'the [-red-]{+blue+} car'."""
    assert render_word_diff("the red car", "the blue car") == "the [-red-]{+blue+} car"


def test_word_diff_with_punctuation():
    """The word diff of 'the red car, fast' to 'the blue car fast!' marks red, the comma, blue and the '!'."""
    assert render_word_diff("the red car, fast", "the blue car fast!") == "the [-red-]{+blue+} car[-,-] fast{+!+}"


def test_changed_words():
    """From 'the red car, fast' to 'the blue car fast!' the removed words are red and ',' and the added are blue and '!'."""
    assert changed_words("the red car, fast", "the blue car fast!") == (["red", ","], ["blue", "!"])


def test_summary_of_two_files():
    """Two files with 3 insertions and 1 deletion in total are summarised as '2 files changed, 3 insertions(+), 1 deletion(-)'."""
    assert summary([DiffStat(3, 1, 1), DiffStat(0, 0, 0)]) == "2 files changed, 3 insertions(+), 1 deletion(-)"


def test_similarity_ratio():
    """Texts 'a b c d' and 'a b x d' (one per line) share 3 of 4 lines: similarity 0.75."""
    assert similarity("a\nb\nc\nd\n", "a\nb\nx\nd\n") == 0.75
