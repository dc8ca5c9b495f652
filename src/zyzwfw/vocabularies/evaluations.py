"""The five national levels of a rating (好差评), 1 the best and 5 the worst."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
from zyzwfw import _


LEVELS = (
    (1, _("evaluation_level_1", default="Very satisfied")),
    (2, _("evaluation_level_2", default="Satisfied")),
    (3, _("evaluation_level_3", default="Fairly satisfied")),
    (4, _("evaluation_level_4", default="Dissatisfied")),
    (5, _("evaluation_level_5", default="Very dissatisfied")),
)


@provider(IVocabularyFactory)
def EvaluationLevelsFactory(context):
    """The levels of a rating, from 1 非常满意 to 5 非常不满意.

    :param context: Ignored; the levels are the same everywhere.
    :returns: A term per level, its value the integer.
    :rtype: SimpleVocabulary
    """
    return SimpleVocabulary(
        [
            SimpleTerm(value=value, token=str(value), title=title)
            for value, title in LEVELS
        ]
    )
