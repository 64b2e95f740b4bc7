"""The recogniser names the decide stage gives what it finds itself.

The review log shows them beside each entity (why a span was redacted), so each names how
the span was found: propagated from a name found elsewhere, a misspelling of one, a short
form, and so on. Detection's own recognisers are named in ``anonymiser/detect``.
"""

from __future__ import annotations

PROPAGATED = "document_consistency"
FUZZY = "fuzzy_name_variant"
GLOSS = "bracketed_name"
# A first name after a word of going or living there ("had gone to Kendal"): the town.
TOWN_AFTER_GOING = "town_after_going"
INITIAL = "initial_as_name"
COUPLE = "couple_title"
SHORT_FORM = "short_form_of_name"
FAMILY_INITIAL = "family_initial"
FAMILY_WORD_NAME = "name_after_family_word"
# A family named by its surname in the plural ("the Hendersons").
FAMILY_PLURAL = "family_surname_plural"
# A first name that is an ordinary word, before a person's verb or after a kinship word.
WORD_NAME = "word_name_in_context"
BATCH_NAME = "batch_name"
# A name that is an ordinary word, matched in lower case in a paragraph with no capitals.
LOWER_CASE = "name_in_lower_case_note"
# The name of the YAML recogniser of a practitioner's initials after the role's shorthand
# ("SW LK", "HV BO": patterns/recognisers/worker_initials.yml).
WORKER_INITIALS_RECOGNISER = "worker_initials"
# The YAML recogniser of a name of two letters joined by a hyphen ("J-P was at nursery":
# patterns/recognisers/nicknames.yml); in capitals, it is no heading of common words.
INITIALS_NAME_RECOGNISER = "initials_name"
# The YAML recogniser of a name after a role's shorthand and a colon ("SW: Tamsin Price":
# patterns/recognisers/worker_initials.yml).
ROLE_LABEL_NAME_RECOGNISER = "name_after_role_label"
# The YAML recogniser of a relative's job that is also a practice role ("Mother was a former
# police officer": patterns/recognisers/case_features.yml); judged past the keep list.
FAMILY_OCCUPATION_RECOGNISER = "family_member_occupation"
