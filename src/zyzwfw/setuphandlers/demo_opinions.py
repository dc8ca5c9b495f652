"""Demonstration solicitations (意见征集): one open, one closed with answers.

The open one asks for opinions on a draft regulation of the hall; the
closed one, a satisfaction survey of the hall, shows its results. Both are
collective.easyform forms whose questions are defined in supermodel XML,
with a save-data action that keeps the answers for export.
"""

from plone import api
from plone.namedfile.file import NamedBlobFile
from zyzwfw import forms
from zyzwfw import logger
from zyzwfw import solicitations
from zyzwfw.applications import hall_now

import datetime


OPEN_ID = "yiwangtongban-banfa"
CLOSED_ID = "dating-manyidu-diaocha"

#: The questions of the open solicitation, in easyform's model XML.
REGULATION_FIELDS = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="identity" type="zope.schema.Choice">
      <title>您的身份</title>
      <values>
        <element key="person">个人</element>
        <element key="company">企业</element>
        <element key="official">公职人员</element>
        <element key="other">其他</element>
      </values>
    </field>
    <field name="agreement" type="zope.schema.Choice">
      <title>您对《办法》的总体意见</title>
      <values>
        <element key="agree">赞同</element>
        <element key="mostly">基本赞同</element>
        <element key="disagree">不赞同</element>
      </values>
    </field>
    <field name="concerns" type="zope.schema.Set">
      <title>您最关心的内容（可多选）</title>
      <required>False</required>
      <value_type type="zope.schema.Choice">
        <values>
          <element key="online">全程网办事项范围</element>
          <element key="materials">申请材料精简</element>
          <element key="limits">办理时限</element>
          <element key="privacy">个人信息保护</element>
        </values>
      </value_type>
    </field>
    <field name="opinion" type="zope.schema.Text">
      <title>具体意见和建议</title>
      <required>False</required>
      <max_length>2000</max_length>
    </field>
  </schema>
</model>"""

#: The questions of the closed survey.
SURVEY_FIELDS = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="channel" type="zope.schema.Choice">
      <title>您通常通过哪种方式办事</title>
      <values>
        <element key="online">网上大厅</element>
        <element key="window">现场窗口</element>
        <element key="phone">手机端</element>
      </values>
    </field>
    <field name="satisfaction" type="zope.schema.Choice">
      <title>您对网上大厅的总体满意度</title>
      <values>
        <element key="1">非常满意</element>
        <element key="2">满意</element>
        <element key="3">基本满意</element>
        <element key="4">不满意</element>
      </values>
    </field>
    <field name="opinion" type="zope.schema.Text">
      <title>您的建议</title>
      <required>False</required>
      <max_length>2000</max_length>
    </field>
  </schema>
</model>"""

#: The save-data action: answers kept for the results and the export.
SAVE_ACTIONS = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="saved" type="collective.easyform.actions.SaveData">
      <title>意见存档</title>
      <DownloadFormat>xlsx</DownloadFormat>
      <UseColumnNames>True</UseColumnNames>
    </field>
  </schema>
</model>"""

_SURVEY_ANSWERS = (
    {"channel": "online", "satisfaction": "1", "opinion": "网上办理很方便。"},
    {"channel": "online", "satisfaction": "2", "opinion": ""},
    {"channel": "window", "satisfaction": "2", "opinion": "希望延长窗口午间服务。"},
    {"channel": "phone", "satisfaction": "3", "opinion": "手机端上传材料偶尔失败。"},
    {"channel": "online", "satisfaction": "1", "opinion": ""},
)


def create_solicitation(folder, form_id, title, fields_model, **values):
    """Create a solicitation with a save-data action.

    :param folder: The folder of solicitations.
    :param form_id: The id of the form.
    :param title: Its title.
    :param fields_model: The questions, as easyform model XML.
    :param values: Further fields: ``description``, ``topic``, ``document``,
        ``opening``, ``closing``.
    :returns: The form.
    """
    form = api.content.create(
        container=folder,
        type="EasyForm",
        id=form_id,
        title=title,
        fields_model=fields_model,
        actions_model=SAVE_ACTIONS,
        submitLabel="提交意见",
        thankstitle="感谢您的意见",
        **values,
    )
    return form


def load_solicitations(site):
    """Add the demonstration solicitations if missing.

    :param site: The Plone site of the hall.
    :returns: How many solicitations were added.
    :rtype: int
    """
    folder = solicitations.ensure_opinions_folder(site)
    now = hall_now().replace(minute=0, second=0, microsecond=0, tzinfo=None)
    added = 0
    if OPEN_ID not in folder:
        document = NamedBlobFile(
            data=forms.blank_form(
                "资阳市政务服务“一网通办”实施办法（征求意见稿）",
                "意见反馈表",
                ["意见人姓名或单位", "联系电话", "条款", "修改意见及理由"],
                kind=forms.PDF,
            ),
            filename="资阳市政务服务一网通办实施办法（征求意见稿）.pdf",
            contentType="application/pdf",
        )
        form = create_solicitation(
            folder,
            OPEN_ID,
            "关于《资阳市政务服务“一网通办”实施办法（征求意见稿）》公开征求意见",
            REGULATION_FIELDS,
            description="为提高政策制定的透明度和公众参与度，现将征求意见稿全文公布，"
            "欢迎社会各界提出意见和建议。",
            topic="《资阳市政务服务“一网通办”实施办法（征求意见稿）》",
            document=document,
            opening=now - datetime.timedelta(days=7),
            closing=now + datetime.timedelta(days=23),
        )
        _publish(form)
        added += 1
    if CLOSED_ID not in folder:
        form = create_solicitation(
            folder,
            CLOSED_ID,
            "资阳市政务服务网上大厅满意度调查",
            SURVEY_FIELDS,
            description="调查已结束，感谢参与。调查结果如下。",
            topic="网上大厅使用体验",
            opening=now - datetime.timedelta(days=60),
            closing=now - datetime.timedelta(days=30),
        )
        action = solicitations.save_data_action(form)
        for answer in _SURVEY_ANSWERS:
            action.addDataRow(dict(answer))
        _publish(form)
        added += 1
    logger.info("Loaded %d demonstration solicitations", added)
    return added


def _publish(form):
    # Forms follow the site's default workflow; without one they are public.
    if api.content.get_state(obj=form, default=None) not in (None, "published"):
        api.content.transition(obj=form, to_state="published")
