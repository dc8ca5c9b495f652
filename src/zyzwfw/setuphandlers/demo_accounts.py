"""Demonstration accounts: a person of each kind the hall serves.

Every account has the password :data:`DEMO_PASSWORD`. Citizens and the
company user log in with their mobile number, as registered members do (see
:mod:`zyzwfw.members`); staff log in with their user name.

These accounts are for demonstration sites only: a hall that goes live
deletes them, or at least changes their passwords.
"""

from dataclasses import dataclass
from plone import api
from zyzwfw import departments
from zyzwfw import logger


#: The password of every demonstration account.
DEMO_PASSWORD = "Zyzwfw@2026"

#: The departments that get window staff, by id, if they exist.
STAFF_DEPARTMENTS = ("zjj", "qxj")

#: The department whose guides the demonstration editor keeps.
EDITOR_DEPARTMENT = "zjj"


@dataclass(frozen=True)
class Account:
    """One demonstration account.

    :param user_id: The user id.
    :param login: What the person types to log in.
    :param fullname: The person's full name.
    :param mobile: The mobile number, or ``""``.
    :param description: Who the person is, in Chinese, for the README.
    """

    user_id: str
    login: str
    fullname: str
    mobile: str
    description: str


MEMBERS = (
    Account("zhangsan", "13800000001", "张三", "13800000001", "群众（个人申请人）"),
    Account("lisi", "13800000002", "李四", "13800000002", "群众（个人申请人）"),
    Account(
        "ziyang-tech",
        "13800000003",
        "王经理",
        "13800000003",
        "企业用户（资阳示例科技有限公司，法人申请人）",
    ),
)


def load_accounts(site):
    """Create the demonstration accounts that do not exist yet.

    Window staff are made only for the departments of
    :data:`STAFF_DEPARTMENTS` that exist, the guide editor only if
    :data:`EDITOR_DEPARTMENT` exists. Accounts that exist keep their password
    and get their groups and roles again.

    :param site: The Plone site of the hall.
    :returns: One ``(login, password, description)`` per account, in the
        order of the README.
    :rtype: list
    """
    folder = site.get("departments")
    found = {
        department_id: folder.get(department_id)
        for department_id in (*STAFF_DEPARTMENTS, EDITOR_DEPARTMENT)
        if folder is not None and folder.get(department_id) is not None
    }

    accounts = []
    for member in MEMBERS:
        _ensure_user(member)
        accounts.append(member)

    for department_id in STAFF_DEPARTMENTS:
        department = found.get(department_id)
        if department is None:
            continue
        # Not "<id>-staff": that is the id of the department's staff group.
        account = Account(
            f"{department_id}-clerk",
            f"{department_id}-clerk",
            f"{department.Title()}窗口人员",
            "",
            f"窗口人员（{department.Title()}），只处理本部门的办件",
        )
        _ensure_user(account)
        departments.add_staff(department, account.user_id)
        accounts.append(account)

    department = found.get(EDITOR_DEPARTMENT)
    if department is not None:
        account = Account(
            "guide-editor",
            "guide-editor",
            f"{department.Title()}指南编辑",
            "",
            f"指南编辑（{department.Title()}），维护本部门的办事指南",
        )
        _ensure_user(account)
        departments.add_editor(department, account.user_id)
        accounts.append(account)

    reviewer = Account(
        "centre-reviewer",
        "centre-reviewer",
        "政务服务中心审核员",
        "",
        "政务服务中心审核员，发布办事指南和政务动态",
    )
    _ensure_user(reviewer)
    departments.add_reviewer(reviewer.user_id)
    accounts.append(reviewer)

    supervisor = Account(
        "supervisor",
        "supervisor",
        "电子监察员",
        "",
        "电子监察员，查看所有办件及其记录，不能办理",
    )
    _ensure_user(supervisor)
    api.user.grant_roles(username=supervisor.user_id, roles=["Supervisor"])
    accounts.append(supervisor)

    logger.info("Loaded %d demonstration accounts into %s", len(accounts), site.getId())
    return [(account.login, DEMO_PASSWORD, account.description) for account in accounts]


def _ensure_user(account):
    """Create the user of ``account`` unless it exists; log in with its login."""
    if api.user.get(userid=account.user_id) is not None:
        return
    properties = {"fullname": account.fullname}
    if account.mobile:
        properties["mobile"] = account.mobile
    api.user.create(
        email=f"{account.user_id}@demo.ziyang.example.cn",
        username=account.user_id,
        password=DEMO_PASSWORD,
        properties=properties,
    )
    if account.login != account.user_id:
        api.portal.get_tool("acl_users").updateLoginName(account.user_id, account.login)
    logger.info("Created the demonstration account %s", account.user_id)
