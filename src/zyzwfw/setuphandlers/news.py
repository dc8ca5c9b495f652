"""The folders of the hall's news (政务动态) and notices (通知公告).

Both hold News Items that go through the hall's publication workflow: the
members of the group ``news-editors`` write them and submit them, the
centre's reviewers publish them. The home page and the ``open`` section list
what is published.
"""

from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zyzwfw import logger
from zyzwfw.home_page import NEWS_FOLDER
from zyzwfw.home_page import NOTICES_FOLDER


NEWS_EDITORS = "news-editors"
NEWS_EDITORS_TITLE = "政务公开编辑"
# Editors write and change their drafts; Reader lets them see each other's.
NEWS_EDITOR_ROLES = ("Contributor", "Editor", "Reader")

FOLDERS = (
    (NEWS_FOLDER, "政务动态", "资阳市政务服务中心和各窗口单位的工作动态。"),
    (NOTICES_FOLDER, "通知公告", "大厅办公时间调整、系统维护和办事须知等通知公告。"),
)


def ensure_news_folders(portal):
    """Create and publish the news and notices folders and their editors.

    Folders and the group that exist already are kept as they are.

    :param portal: the Plone site.
    :returns: the folders, news first.
    """
    if api.group.get(groupname=NEWS_EDITORS) is None:
        api.group.create(groupname=NEWS_EDITORS, title=NEWS_EDITORS_TITLE)
        logger.info("Created the group %s", NEWS_EDITORS)

    folders = []
    for folder_id, title, description in FOLDERS:
        folder = portal.get(folder_id)
        if folder is None:
            folder = api.content.create(
                container=portal,
                type="Folder",
                id=folder_id,
                title=title,
                description=description,
            )
            constraints = ISelectableConstrainTypes(folder)
            constraints.setConstrainTypesMode(ENABLED)
            constraints.setLocallyAllowedTypes(["News Item"])
            constraints.setImmediatelyAddableTypes(["News Item"])
            # A site without a workflow for folders shows them as they are.
            if api.portal.get_tool("portal_workflow").getChainFor(folder):
                api.content.transition(obj=folder, transition="publish")
            api.group.grant_roles(
                groupname=NEWS_EDITORS, roles=list(NEWS_EDITOR_ROLES), obj=folder
            )
            logger.info("Created the folder %s", folder_id)
        folders.append(folder)
    return folders
