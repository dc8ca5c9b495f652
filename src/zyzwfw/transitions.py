"""The workflow transitions the current user may take on an object.

Applications, consultations, complaints and ratings each show their own
buttons; which transitions exist in the object's state and which of them the
guards allow is read from Plone's workflow engine the same way for all.
"""

from plone import api


def allowed(obj, workflow):
    """Yield the transitions of the object's state that the user may take.

    :param obj: A content object under ``workflow``.
    :param workflow: Its DCWorkflow definition.
    :returns: ``(transition_id, transition definition)`` pairs, in the order
        the state lists them; none when the object's state is unknown.
    :rtype: iterator
    """
    state = workflow.states.get(api.content.get_state(obj=obj))
    if state is None:
        return
    for transition_id in state.transitions:
        transition = workflow.transitions.get(transition_id)
        if transition is not None and workflow.isActionSupported(obj, transition_id):
            yield transition_id, transition
