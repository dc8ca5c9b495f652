"""Demonstration of electronic supervision: a department leader and the first cards.

住房和城乡建设局 gets its leaders group ``zjj-leaders`` with the account
``zjj-leader`` (password of :data:`~zyzwfw.setuphandlers.demo_accounts.DEMO_PASSWORD`),
who receives that department's weekly report, and the warning rules run
once over whatever applications the demonstration holds, as the scheduled
command would.
"""

from plone import api
from zyzwfw import logger
from zyzwfw import supervision
from zyzwfw import weekly_reports
from zyzwfw.setuphandlers.demo_accounts import Account
from zyzwfw.setuphandlers.demo_accounts import DEMO_PASSWORD
from zyzwfw.setuphandlers.install import DEPARTMENTS_ID


#: The department whose leader the demonstration has.
LEADER_DEPARTMENT = "zjj"

LEADER = Account(
    "zjj-leader",
    "zjj-leader",
    "住建局分管领导",
    "",
    "部门领导（住房和城乡建设局），收到本部门每周工作汇报",
)


def load(site):
    """Add the demonstration leader and record the cards due now.

    :param site: The hall's site, the current site.
    :returns: The ``(login, password, description)`` of the leader account,
        or ``None`` without the department.
    """
    department = site.get(DEPARTMENTS_ID, {}).get(LEADER_DEPARTMENT)
    account = None
    if department is not None:
        group_id = f"{department.short_code}-{weekly_reports.LEADERS}"
        if api.group.get(groupname=group_id) is None:
            api.group.create(groupname=group_id, title=f"{department.Title()}领导")
        if api.user.get(userid=LEADER.user_id) is None:
            api.user.create(
                email=f"{LEADER.user_id}@demo.ziyang.example.cn",
                username=LEADER.user_id,
                password=DEMO_PASSWORD,
                properties={"fullname": LEADER.fullname},
            )
        api.group.add_user(groupname=group_id, username=LEADER.user_id)
        account = (LEADER.login, DEMO_PASSWORD, LEADER.description)

    cards = supervision.evaluate()
    logger.info("Demonstration supervision: %d card(s) recorded", len(cards))
    return account
