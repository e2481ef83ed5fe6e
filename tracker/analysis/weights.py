"""Every threshold and weight of the analysis, named, in one place.

Similarities are shares from 0 to 1 (rapidfuzz's 0-100 scores are divided by 100).
Changing one changes results, and the cache knows: its key digests this file too.
"""

# Section alignment (analysis/compare/align.py): a pair needs a score of at least MATCH.
MATCH_THRESHOLD = 0.42
# A section rewritten from scratch still pairs when one title's words contain the
# other's ("Your Rights" -> "Your Privacy Rights") and some vocabulary remains.
REWRITE_TITLE, REWRITE_CONTENT = 0.95, 0.15
REWRITE_BONUS = 0.2  # of its content similarity, over MATCH_THRESHOLD
# Sections with no text of their own (a heading over sub-sections) pair by title alone.
EMPTY_SAME_WORDS, EMPTY_OTHER_WORDS = 0.9, 0.6
# Same title: a base score and the weight of content similarity over it.
SAME_TITLE_BASE, SAME_TITLE_CONTENT = 0.55, 0.45
# Other titles: pair on content when this much is shared or alike, title weighted in.
SHARED_ENOUGH, ALIKE_ENOUGH = 0.5, 0.6
CONTENT_WEIGHT, TITLE_WEIGHT = 0.75, 0.25

# Moved text (analysis/compare/flows.py).
MOVE_THRESHOLD = 0.62  # a paragraph this alike to one elsewhere moved there
LIVE_THRESHOLD = 0.5  # a paragraph lives on where it is at least this alike
STAY_THRESHOLD = 0.8  # ... unless it stays this alike at home
MIN_MOVE_WORDS = 8  # shorter passages are not reported as moved

# Where a removed section's text went (analysis/compare/align.py `_home`).
PARENT_CONTAINMENT = 0.3  # share of its words its parent's successor must use
LIVES_WHERE = 0.5  # share of its words the sections holding it must hold together
LIVES_SHARE = 0.15  # share each of those sections must hold
NEIGHBOUR_MOVED = 0.25  # share of its words that provably moved elsewhere
NEIGHBOUR_CONTAINMENT = 0.15  # share its previous neighbour's successor must use
REWRITTEN = 0.4  # below this similarity a pair is shown as rewritten, old then new

# Meaning (analysis/meaning/significance.py).
SUBSTANTIVE_SECTION_WORDS = 40  # an added or removed section this long is substantive
CLAUSE_WORDS = 12  # ... or this long, on a consequential topic (sharing, rights, arbitration)
# A contact that went and one that came are one changed (analysis/meaning/changes.py) when
# their sentences share this share of words, or the two e-mails their name before the `@`.
SAME_CONTACT_LIKENESS = 0.5

# Identity (analysis/identity.py): a text with no name follows the archive's policy it resembles.
CLOSE_ENOUGH = 0.5  # share of vocabulary in common
CLEAR_LEAD = 0.15  # over the runner-up

# Two policies on one page (analysis/sections/embedded.py): the second copy shares at least
# this many titles, this share of the smaller copy's titles, in the same order, and its
# sections under shared titles are this alike in words (median), so a summary is not a copy.
EMBEDDED_SHARED_TITLES = 3
EMBEDDED_SHARED_SHARE = 0.5
EMBEDDED_BODY_LIKENESS = 0.5
EMBEDDED_DISTINCT = 0.6  # share of a policy's section titles that are its own
EMBEDDED_OPENING = 4  # the copy starts again from one of the page's first headings
EMBEDDED_CUE_LINES = 12  # non-blank lines above the copy searched for what opens it

# Broken captures (analysis/capture.py).
STUB_WORDS = 80  # a policy is longer than this
REDIRECT_WORDS = 200  # a redirect notice is shorter than this
POLICY_WORD_SHARE = 0.01  # at least this share of a policy's words are policy words...
PAGE_WORDS_IF_MENUS = 150  # ...judged on texts of PAGE_WORDS, or this long if mostly menus:
MENU_LINE_SHARE = 0.6  # this share of lines...
MENU_LINE_WORDS = 4  # ...of at most this many words (`*   Homes for sale`)
MENU_PAGE_PROSE_WORDS = 100  # a page of menus with fewer words in sentences holds no policy
PAGE_WORDS = 1000  # (a home page is long); a text this long on FLATTENED_LINES lines or
FLATTENED_LINES = 3  # fewer, with no heading, lost its lines
TRUNCATED_SHARE = 0.5  # a version under this share of its predecessor's length...
TRUNCATED_PREFIX = 0.8  # ...whose sections are, in this share, its predecessor's first ones
ABRUPT_LINE_WORDS = 4  # a last line of this many words with no end mark stops mid-sentence
# Another document in the same slot: under this share of words in common with the one before.
OTHER_DOCUMENT_LIKENESS = 0.25

# Language (analysis/language.py): a sample of prose lines is enough (all 162 real versions
# measured were told right from 3,000 characters); an answer under CONFIDENCE is no answer.
LANGUAGE_SAMPLE = 3000
LANGUAGE_PROSE_WORDS = 8  # lines this long are prose, not menus or pickers
LANGUAGE_MIN_LETTERS = 100  # fewer letters than this: an image, a stub, no language to tell
LANGUAGE_CONFIDENCE = 0.5
ENGLISH_MARKER_SHARE = 0.10  # of a sample's words: English, no model needed

# Heading line shapes (analysis/sections/headings.py, shapes.py).
MARKED_HEADINGS = (
    3  # this many `#` or underlined headings (a title and two more): plain lines are text
)
FURNITURE_REPEATS = 3  # a plain line printed this often is a footer or a control, not a heading
FURNITURE_WORDS = 5  # ... when it is this short (a repeated question heading is a heading)
MENU_RUN = 3  # plain headings in a row, each over a list of a few words an item: a site menu
MENU_ITEM_WORDS = 8  # ... an item of a menu has at most this many words, and no full stop
MENU_LINK_SHARE = 0.8  # ... and this share of its lines are such items (teasers are the rest)
MENU_TEASER_WORDS = 25  # ... and none is longer: a paragraph that long is a section's own text
SECTION_ITEMS = 3  # a list with this many items each a title over indented paragraphs...
SECTION_ITEM_SHARE = 0.8  # ... (this share of its items): its items are the policy's sections
SECTION_ITEM_PROSE_WORDS = 12  # ... a paragraph under an item has at least this many words
BODY_LOOKAHEAD = 8  # lines searched past blank ones (accordions, spacers) for a heading's text
ADDRESS_LINE_WORDS = 10  # a shorter line right below, in one block, makes a line an address's

# Document types (analysis/doctype.py), when no name says which: told by the text's words.
DOCTYPE_SAMPLE = 30_000  # characters of the text whose words are counted
DOCTYPE_MIN_WORDS = 5  # a type's words must occur this often to name the type

# Effective dates (analysis/dates.py): a line longer than this is a paragraph, whose cues (past
# its first word) date what it talks about, not the document.
DATE_LINE_WORDS = 25

# History (history/history.py): a version stating a date this many days before the version
# before it is an older text captured again (a cache, another page of the site).
STALE_CAPTURE_DAYS = 180
