"""Demonstration news (政务动态) and notices (通知公告) of the hall.

Published News Items in the folders :mod:`zyzwfw.setuphandlers.news` makes,
dated over the last weeks, and one item the editor has submitted that waits
for the centre. The demonstration guide editor also writes the news.
"""

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue
from zyzwfw import logger
from zyzwfw.home_page import NEWS_FOLDER
from zyzwfw.home_page import NOTICES_FOLDER
from zyzwfw.setuphandlers.news import ensure_news_folders
from zyzwfw.setuphandlers.news import NEWS_EDITORS


#: The demonstration account that writes news, if it exists.
NEWS_EDITOR = "guide-editor"

# (folder, id, title, summary, paragraphs, days ago; None = waits for review)
ENTRIES = (
    (
        NEWS_FOLDER,
        "online-hall-opens",
        "市电子政务大厅网上办事全面开通",
        "96项市级政务服务事项可在网上查询办事指南、下载表格并在线申报。",
        (
            "市电子政务大厅网上办事功能全面开通，22个窗口单位的96项政务服务事项"
            "均可在网上查询办事指南、下载格式文本和示范文本。",
            "其中多数事项支持网上预审或网上受理，群众和企业上传材料后即可获得"
            "办件编号和查询码，随时查询办理进度。",
        ),
        2,
    ),
    (
        NEWS_FOLDER,
        "construction-permit-faster",
        "建筑工程施工许可承诺时限压缩至3个工作日",
        "市住房和城乡建设局优化审批流程，施工许可承诺办结时限由7个工作日压缩至3个工作日。",
        (
            "市住房和城乡建设局对建筑工程施工许可证核发流程进行优化，合并技术"
            "审查环节，承诺办结时限由7个工作日压缩至3个工作日。",
        ),
        6,
    ),
    (
        NEWS_FOLDER,
        "phone-service",
        "手机也能办：大厅页面适配移动端",
        "大厅页面适配手机浏览，群众可在手机上查指南、交材料、查进度。",
        (
            "大厅全部页面已适配手机屏幕，表格在手机上以卡片形式展示，按钮加大，"
            "便于在手机上查询办事指南、上传材料和查询办件进度。",
        ),
        11,
    ),
    (
        NOTICES_FOLDER,
        "new-year-hours",
        "关于元旦期间大厅办公时间的通知",
        "元旦假期窗口暂停现场办理，网上申报正常受理，节后按顺序办理。",
        (
            "元旦假期期间，政务服务中心各窗口暂停现场办理业务，网上申报渠道正常"
            "开放，假期提交的申请于节后第一个工作日起按顺序办理。",
            "办理时限按工作日计算，法定节假日不计入办理时限。",
        ),
        3,
    ),
    (
        NOTICES_FOLDER,
        "system-maintenance",
        "系统维护公告",
        "本周六22:00至次日6:00进行系统维护，期间暂停网上申报。",
        (
            "为提升系统稳定性，本周六22:00至次日6:00对电子政务大厅进行维护，"
            "期间暂停网上申报和办件查询，给您带来不便，敬请谅解。",
        ),
        8,
    ),
    (
        NOTICES_FOLDER,
        "deferrable-materials",
        "关于推行容缺受理的公告",
        "非关键材料缺失的，可先行受理，申请人在承诺期限内补齐。",
        (
            "对基本条件具备、主要申请材料齐全，次要材料有欠缺的申请，实行容缺"
            "受理，申请人承诺在规定期限内补齐材料。容缺材料在办事指南中标注为"
            "“容缺”。",
        ),
        20,
    ),
    (
        NEWS_FOLDER,
        "window-ratings",
        "大厅开展窗口服务好差评",
        "办件办结后，申请人可对窗口服务进行评价。",
        ("办件办结后，申请人可在“我的办件”中对窗口服务进行评价。",),
        None,
    ),
)


def load_news(site):
    """Add the demonstration news and notices; let the demo editor write news.

    :param site: the Plone site of the hall.
    :returns: how many News Items were added.
    """
    folders = {folder.getId(): folder for folder in ensure_news_folders(site)}
    if api.user.get(userid=NEWS_EDITOR) is not None:
        api.group.add_user(groupname=NEWS_EDITORS, username=NEWS_EDITOR)

    added = 0
    now = DateTime()
    for folder_id, entry_id, title, summary, paragraphs, days_ago in ENTRIES:
        folder = folders[folder_id]
        if entry_id in folder.objectIds():
            continue
        text = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        entry = api.content.create(
            container=folder,
            type="News Item",
            id=entry_id,
            title=title,
            description=summary,
            text=RichTextValue(text, "text/html", "text/x-html-safe"),
        )
        if days_ago is None:
            api.content.transition(obj=entry, transition="submit")
        else:
            entry.setEffectiveDate(now - days_ago)
            api.content.transition(obj=entry, transition="publish")
            entry.reindexObject()
        added += 1

    logger.info("Loaded %d demonstration news items into %s", added, site.getId())
    return added
