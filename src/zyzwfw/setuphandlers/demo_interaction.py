"""Demonstration questions and complaints.

A few questions about the demonstration items of the housing bureau (zjj)
and the meteorological bureau (qxj): some answered and published as
frequently asked questions on their guides, some answered only, one overdue
and one general question waiting for the centre; and complaints in each
state. They are made through :mod:`zyzwfw.consultations` and
:mod:`zyzwfw.complaints` as the people of the demonstration accounts, so
their histories read as real ones.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from plone import api
from zyzwfw import applications
from zyzwfw import complaints
from zyzwfw import consultations
from zyzwfw import logger

import datetime


#: Questions: (department, item, asker, question, consent, answer, publish).
#: The askers are anonymous visitors with a mobile number, so that loading
#: the demonstration sends no e-mail (the SMS gateway of a new site only logs).
QUESTIONS = (
    (
        "zjj",
        "construction-permit",
        None,
        "施工许可证办理需要先取得建设工程规划许可证吗？",
        True,
        "需要。建设工程规划许可证是申请施工许可的前置条件，请在申请时上传规划许可证扫描件。",
        True,
    ),
    (
        "zjj",
        "construction-permit",
        None,
        "施工许可申请提交后多久能办结？能否加急？",
        True,
        "承诺办结时限为3个工作日，材料齐全的可当场受理；目前不提供加急服务。",
        True,
    ),
    (
        "zjj",
        "presale-permit",
        None,
        "商品房预售许可对工程形象进度有什么要求？",
        False,
        "多层建筑须完成主体结构封顶，高层建筑须完成主体结构三分之二以上，详见办事指南受理条件。",
        False,
    ),
    (
        "qxj",
        "lightning-protection-design",
        None,
        "雷电防护装置设计审核需要提交哪些图纸？",
        True,
        "需提交防雷设计说明书和全套防雷施工图纸（电子版PDF即可），具体见材料清单。",
        True,
    ),
    (
        "qxj",
        "lightning-protection-design",
        None,
        "已经提交的设计审核申请可以修改图纸吗？",
        True,
        None,
        False,
    ),
    (
        "zjj",
        "fire-design-review",
        None,
        "特殊建设工程消防设计审查是否可以和施工图审查同时办理？",
        True,
        None,
        False,
    ),
)

GENERAL_QUESTION = "我想开一家小餐馆，需要办理哪些证照？分别到哪个部门办？"

#: Complaints: (subject, text, department, state).
COMPLAINTS = (
    (
        "窗口人员未一次性告知所需材料",
        "办理施工许可时来回跑了三次，每次都说缺材料。",
        "zjj",
        "received",
    ),
    (
        "预约后现场等候时间过长",
        "预约了上午九点，实际等到十一点才办理。",
        "zjj",
        "handling",
    ),
    (
        "防雷审核进度查询无回复",
        "在线提交后一周没有任何进度，电话也无人接听。",
        "qxj",
        "resolved",
    ),
    (
        "网站上传材料经常失败",
        "上传PDF时多次提示失败，换浏览器后才成功。",
        "zjj",
        "closed",
    ),
)


@contextmanager
def _as(user_id):
    """Act as a demonstration account, or as an anonymous visitor for ``None``."""
    if user_id is not None:
        with api.env.adopt_user(user=api.user.get(userid=user_id)):
            yield
        return
    before = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        yield
    finally:
        setSecurityManager(before)


def load(site):
    """Add the demonstration questions and complaints, unless there are some.

    :param site: The Plone site of the hall, with the demonstration catalogue
        and accounts.
    :returns: How many questions and complaints were made, as a pair.
    :rtype: tuple
    """
    catalog = api.portal.get_tool("portal_catalog")
    if catalog.unrestrictedSearchResults(portal_type=["Consultation", "Complaint"]):
        logger.info("The hall has questions or complaints; no demonstration ones")
        return 0, 0
    folder = site.get("departments")
    if folder is None or "zjj" not in folder or "qxj" not in folder:
        logger.info("No demonstration departments; no demonstration questions")
        return 0, 0

    made = 0
    for index, entry in enumerate(QUESTIONS):
        department_id, item_id, asker, question, consent, answer, publish = entry
        item = folder[department_id].get(item_id)
        if item is None:
            continue
        with _as(asker):
            consultation = consultations.ask(
                question,
                mobile="" if asker else "13900000011",
                consent=consent,
                item=item,
                client=f"demo-{index}",
            )
        made += 1
        clerk = f"{department_id}-clerk"
        if answer and api.user.get(userid=clerk) is not None:
            with _as(clerk):
                consultations.answer(consultation, answer)
                if publish:
                    consultations.do_transition(consultation, "publish")
        if index == len(QUESTIONS) - 1:
            _make_overdue(consultation)

    with _as(None):
        consultations.ask(GENERAL_QUESTION, mobile="13900000013", client="demo-general")
    made += 1

    filed = 0
    for index, (subject, text, department_id, state) in enumerate(COMPLAINTS):
        with _as(None):
            receipt = complaints.file_complaint(
                subject,
                text,
                department=department_id,
                mobile="13900000012",
                client=f"demo-complaint-{index}",
            )
        filed += 1
        _bring_complaint(receipt.complaint, department_id, state)

    logger.info(
        "Loaded %d demonstration questions and %d complaints into %s",
        made,
        filed,
        site.getId(),
    )
    return made, filed


def _make_overdue(consultation):
    """Date a question back, so that the desk shows an overdue one in red."""
    asked = applications.hall_now() - datetime.timedelta(days=7)
    consultation.asked = asked.astimezone(datetime.UTC)
    consultation.due_date = applications.calendar().add(asked.date(), 2)
    consultation.reindexObject()


def _bring_complaint(complaint, department_id, state):
    """Take a complaint to a state as the centre, the clerk and the complainant."""
    steps = {
        "received": [],
        "handling": ["assign"],
        "resolved": ["assign", "resolve"],
        "closed": ["assign", "resolve", "close"],
    }[state]
    clerk = f"{department_id}-clerk"
    for transition in steps:
        if transition == "assign":
            with _as("centre-reviewer"):
                complaints.do_transition(complaint, "assign", department=department_id)
        elif transition == "resolve":
            with _as(clerk):
                complaints.do_transition(
                    complaint,
                    "resolve",
                    comment="经核实情况属实，已对相关人员批评教育，并优化了办理流程。",
                )
        else:
            with _as(None):
                complaints.give_feedback(
                    complaint, True, "问题已解决，满意。", with_code=True
                )
