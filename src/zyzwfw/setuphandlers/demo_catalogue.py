"""The demonstration catalogue: the hall's departments, items and materials.

This module is data. It describes the windows of a prefecture city's hall
and, for each, the items it handles with their complete guides, in the shape
the content types take, so that ``demo.load`` only has to create objects.
The tables are short on purpose; the helpers below fill in what every guide
repeats (posts of the process steps, ways to apply, codes, places).

Laws and regulations are the real ones, cited by name and article with the
gist of the article. The department staff, applicants, companies, phone
numbers and identity numbers are invented; identity numbers and credit codes
carry valid check digits so that the samples pass the hall's own checks.
"""

from html import escape


HALL = "资阳市政务服务中心"
HALL_ADDRESS = "资阳市雁江区政务服务中心大楼"
OFFICE_HOURS = "周一至周五 上午9:00—12:00，下午13:30—17:30（法定节假日除外）"
CITY_DIVISION = "512000"

# The nine departments that led online approval in the city: their items
# were the first to be pre-reviewed and accepted through the online hall.
PRIORITY_DEPARTMENTS = (
    "qxj",
    "fgw",
    "wjw",
    "zlj",
    "wgl",
    "zjj",
    "syj",
    "zrj",
    "ygc",
)

# --- Check digits -------------------------------------------------------------

_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def organisation_code(base):
    """Complete an eight-character organisation code with its check digit.

    :param base: eight digits or capital letters (GB 11714).
    :returns: the nine-character code.
    """
    # Letters count from 10 (A) to 35 (Z) here, unlike in credit codes.
    total = sum(
        int(char, 36) * weight for char, weight in zip(base, _ORG_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return base + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(prefix, organisation):
    """Build a unified social credit code with its check character.

    :param prefix: registry and kind (two characters) and division (six).
    :param organisation: the nine-character organisation code.
    :returns: the eighteen-character code (GB 32100).
    """
    body = prefix + organisation
    total = sum(
        _CREDIT_CHARS.index(char) * weight
        for char, weight in zip(body, _CREDIT_WEIGHTS, strict=True)
    )
    return body + _CREDIT_CHARS[(31 - total % 31) % 31]


def identity_number(division, birth, sequence):
    """Build a citizen identity number with its check character.

    :param division: six digits of the administrative division.
    :param birth: the birth date as eight digits.
    :param sequence: three digits; odd for men, even for women.
    :returns: the eighteen-character number (GB 11643).
    """
    body = division + birth + sequence
    total = sum(
        int(char) * weight for char, weight in zip(body, _ID_WEIGHTS, strict=True)
    )
    return body + "10X98765432"[total % 11]


# --- Sample values of the forms -----------------------------------------------

SAMPLE_COMPANY = "资阳市安和建设工程有限公司"
SAMPLE_COMPANY_CODE = credit_code("91512002", organisation_code("MA62K7D3"))
SAMPLE_PERSON = "李思远"
SAMPLE_PERSON_ID = identity_number("512002", "19900315", "123")
SAMPLE_AGENT = "陈晓雨"
SAMPLE_AGENT_ID = identity_number("512002", "19920708", "342")
SAMPLE_SPOUSE = "周雨桐"
SAMPLE_SPOUSE_ID = identity_number("512021", "19921109", "286")
SAMPLE_MOBILE = "13800001234"

# What a sample writes in a field, unless the form says otherwise.
SAMPLE_VALUES = {
    "申请单位名称": SAMPLE_COMPANY,
    "申请单位": SAMPLE_COMPANY,
    "单位名称": SAMPLE_COMPANY,
    "企业名称": SAMPLE_COMPANY,
    "建设单位": SAMPLE_COMPANY,
    "统一社会信用代码": SAMPLE_COMPANY_CODE,
    "法定代表人": "王建平",
    "法定代表人身份证号码": identity_number("512002", "19751102", "455"),
    "联系人": SAMPLE_AGENT,
    "联系电话": SAMPLE_MOBILE,
    "单位电话": "028-26512345",
    "单位地址": "资阳市雁江区建设北路166号",
    "住所": "资阳市雁江区建设北路166号",
    "经营场所": "资阳市雁江区建设北路166号1楼",
    "邮政编码": "641300",
    "电子邮箱": "service@example.com",
    "姓名": SAMPLE_PERSON,
    "申请人": SAMPLE_PERSON,
    "申请人姓名": SAMPLE_PERSON,
    "性别": "男",
    "民族": "汉族",
    "出生日期": "1990年3月15日",
    "公民身份号码": SAMPLE_PERSON_ID,
    "身份证号码": SAMPLE_PERSON_ID,
    "手机号码": SAMPLE_MOBILE,
    "现住址": "资阳市雁江区和平东路88号1栋2单元301室",
    "户籍地址": "资阳市雁江区莲花街道和平东路88号",
    "工作单位": "资阳市安和建设工程有限公司",
    "委托人": SAMPLE_COMPANY,
    "委托人证件号码": SAMPLE_COMPANY_CODE,
    "受托人": SAMPLE_AGENT,
    "受托人身份证号码": SAMPLE_AGENT_ID,
    "委托事项": "代为办理本事项的申请、材料提交、补正和领取办理结果",
    "委托权限": "一般代理：代为提交、补正材料，代为签收文书",
    "委托期限": "2024年3月18日至2024年6月30日",
    "承诺人": SAMPLE_COMPANY,
    "承诺事项": "所提交的申请材料真实、合法、有效，并在规定期限内补齐容缺材料",
    "开户银行": "中国工商银行资阳分行营业部",
    "银行账号": "6222 0000 0000 1234 567",
}

COMPANY_FIELDS = (
    "申请单位名称",
    "统一社会信用代码",
    "法定代表人",
    "联系人",
    "联系电话",
    "单位地址",
)
PERSON_FIELDS = ("姓名", "性别", "公民身份号码", "联系电话", "现住址")
AUTHORISATION_FIELDS = (
    "委托人",
    "委托人证件号码",
    "受托人",
    "受托人身份证号码",
    "委托事项",
    "委托权限",
    "委托期限",
)
COMMITMENT_FIELDS = ("承诺人", "统一社会信用代码", "承诺事项", "联系人", "联系电话")


# --- Materials ----------------------------------------------------------------


def material(
    id,
    title,
    explanation,
    requirement="required",
    forms=("original",),
    originals=1,
    copies=0,
    source="applicant",
    upload=False,
    fields=(),
    values=None,
):
    """Describe a material of an item.

    :param id: the material's id inside its item.
    :param title: its name.
    :param explanation: what it is and where to get it, in plain words.
    :param requirement: ``required``, ``optional`` or ``deferrable`` (容缺).
    :param forms: any of ``original``, ``copy``, ``electronic``.
    :param originals: how many originals are handed in.
    :param copies: how many copies are handed in.
    :param source: ``applicant``, ``government`` or ``other``.
    :param upload: whether an online application must carry the file.
    :param fields: the labels of the form to fill in, if the department
        provides one; a blank form and a sample are generated from them.
    :param values: sample values for labels missing from ``SAMPLE_VALUES``
        or to be shown differently in this form.
    :returns: a dictionary of the material's fields.
    """
    merged = {**SAMPLE_VALUES, **(values or {})}
    return {
        "id": id,
        "title": title,
        "explanation": explanation,
        "requirement": requirement,
        "forms": list(forms),
        "originals": originals,
        "copies": copies,
        "source": source,
        "upload_required": upload,
        "needs_template": bool(fields),
        "fields": tuple(fields),
        "values": {label: merged.get(label) for label in fields},
    }


def form(id, title, fields, explanation=None, values=None, upload=True):
    """Describe a form the applicant fills in, with its blank form and sample.

    :param id: the material's id.
    :param title: the form's name.
    :param fields: the labels of its fields.
    :param explanation: plain words on filling it in.
    :param values: sample values specific to this form.
    :param upload: whether an online application must carry the file.
    :returns: a dictionary of the material's fields.
    """
    return material(
        id,
        title,
        explanation
        or "下载格式文本，按示范文本如实填写并签字（盖章）；网上申请的，"
        "在线填写后上传签字（盖章）页。",
        forms=("original", "electronic"),
        upload=upload,
        fields=fields,
        values=values,
    )


def document(id, title, explanation, requirement="required", upload=False):
    """An original the applicant prepares, such as a plan or a set of rules.

    :param id: the material's id.
    :param title: its name.
    :param explanation: plain words on what to hand in.
    :param requirement: ``required``, ``optional`` or ``deferrable``.
    :param upload: whether an online application must carry the file.
    :returns: a dictionary of the material's fields.
    """
    return material(
        id,
        title,
        explanation,
        requirement=requirement,
        forms=("original", "electronic") if upload else ("original",),
        upload=upload,
    )


def report(id, title, explanation, requirement="required", upload=True):
    """A report, drawing or certificate a third party issues to the applicant.

    :param id: the material's id.
    :param title: its name.
    :param explanation: plain words on who issues it.
    :param requirement: ``required``, ``optional`` or ``deferrable``.
    :param upload: whether an online application must carry the file.
    :returns: a dictionary of the material's fields.
    """
    return material(
        id,
        title,
        explanation,
        requirement=requirement,
        forms=("original", "electronic"),
        source="other",
        upload=upload,
    )


def copy_of(
    id, title, explanation, requirement="required", source="government", upload=False
):
    """A copy of a licence, certificate or contract the applicant holds.

    :param id: the material's id.
    :param title: its name.
    :param explanation: plain words on what to copy and how to certify it.
    :param requirement: ``required``, ``optional`` or ``deferrable``.
    :param source: who issued the original.
    :param upload: whether an online application must carry its scan.
    :returns: a dictionary of the material's fields.
    """
    return material(
        id,
        title,
        explanation,
        requirement=requirement,
        forms=("copy", "electronic") if upload else ("copy",),
        originals=0,
        copies=1,
        source=source,
        upload=upload,
    )


def id_card(who="申请人", requirement="required", upload=True, id="id-card"):
    """The identity card of the applicant or of another person.

    :param who: whose card it is.
    :param requirement: whether it is required.
    :param upload: whether an online application must carry its scan.
    :param id: the material's id.
    :returns: a dictionary of the material's fields.
    """
    return material(
        id,
        f"{who}居民身份证",
        "原件现场核验后退还，留存复印件1份；网上申请的上传身份证正反面照片，"
        "已在电子证照库中的可不再上传。",
        requirement=requirement,
        forms=("original", "copy", "electronic"),
        originals=0,
        copies=1,
        source="government",
        upload=upload,
    )


def business_licence(upload=False):
    """The applicant's business licence.

    :param upload: whether an online application must carry its scan.
    :returns: a dictionary of the material's fields.
    """
    return material(
        "business-licence",
        "营业执照",
        "提供加盖单位公章的复印件；已领取电子营业执照的，窗口通过电子证照库"
        "调取，无需再提交纸质材料。",
        forms=("copy", "electronic"),
        originals=0,
        copies=1,
        source="government",
        upload=upload,
    )


def authorisation():
    """The power of attorney for an agent who applies on someone's behalf.

    :returns: a dictionary of the material's fields.
    """
    return material(
        "authorisation",
        "授权委托书",
        "委托他人代为办理时提交：由委托人签字或加盖单位公章，写明委托事项和"
        "权限，并附受托人身份证复印件。本人办理的无需提交。",
        requirement="optional",
        forms=("original", "electronic"),
        fields=AUTHORISATION_FIELDS,
    )


def commitment(id="commitment", title="告知承诺书"):
    """The applicant's written promise under the notification-and-promise rule.

    :param id: the material's id.
    :param title: its name.
    :returns: a dictionary of the material's fields.
    """
    return material(
        id,
        title,
        "实行告知承诺的，申请人签署承诺书后可先行办理，容缺材料应在承诺期限内"
        "补齐；逾期未补齐的，依法撤销办理结果。",
        forms=("original", "electronic"),
        upload=True,
        fields=COMMITMENT_FIELDS,
    )


# --- Departments --------------------------------------------------------------

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖"
    "田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方邹熊"
)
_GIVEN_NAMES = (
    "建华",
    "晓燕",
    "志强",
    "丽娟",
    "文斌",
    "海燕",
    "国平",
    "春梅",
    "永刚",
    "秀兰",
    "德明",
    "雪梅",
    "卫东",
    "小琴",
    "光辉",
    "玉兰",
    "俊杰",
    "红梅",
    "家豪",
    "静怡",
    "明轩",
    "淑芬",
    "振宇",
    "佳琪",
    "世杰",
    "婉清",
    "天佑",
    "思雨",
    "宏伟",
    "梦瑶",
    "子健",
    "欣然",
)


def _staff(number):
    # Four invented names per department: window clerk, section reviewer,
    # specialist and the deputy head who decides.
    return tuple(
        _SURNAMES[(number * 4 + post) * 7 % len(_SURNAMES)]
        + _GIVEN_NAMES[(number * 4 + post) * 5 % len(_GIVEN_NAMES)]
        for post in range(4)
    )


def _window(number):
    zone, floor = (("A", "一"), ("B", "二"), ("C", "三"))[(number - 1) // 8]
    return f"{zone}{number:02d}", floor


# (id, name, description); the position in the table numbers the windows,
# the phones and the organisation codes.
_DEPARTMENT_TABLE = (
    (
        "qxj",
        "资阳市气象局",
        "负责全市雷电灾害防御、施放气球活动管理和气象探测环境保护等政务服务事项。",
    ),
    (
        "fgw",
        "资阳市发展和改革委员会",
        "负责企业投资项目核准和备案、政府投资项目审批、节能审查和招标事项核准。",
    ),
    (
        "wjw",
        "资阳市卫生健康委员会",
        "原资阳市卫生局。负责医疗机构设置和执业登记、医护人员执业注册、"
        "公共场所和供水单位卫生许可等事项。",
    ),
    (
        "zlj",
        "资阳市质量技术监督局",
        "负责特种设备使用登记、特种设备作业人员资格认定、计量标准考核和"
        "检验检测机构资质认定的受理与初审。",
    ),
    (
        "wgl",
        "资阳市文化广电旅游局",
        "原资阳市文化局。负责娱乐场所、营业性演出、上网服务场所、旅行社和"
        "广播电视、文物保护等方面的行政审批。",
    ),
    (
        "zjj",
        "资阳市住房和城乡建设局",
        "负责建筑工程施工许可、商品房预售许可、建设工程消防设计审查和验收、"
        "企业资质及燃气经营许可等事项。",
    ),
    (
        "syj",
        "资阳市食品药品监督管理局",
        "负责食品生产经营许可、药品零售许可和医疗器械经营许可与备案。",
    ),
    (
        "zrj",
        "资阳市自然资源和规划局",
        "原资阳市国土资源局。负责用地预审与选址、建设用地和建设工程规划许可、"
        "临时用地及土地使用权分割转让等事项。",
    ),
    (
        "ygc",
        "资阳市道路运输管理处",
        "负责道路旅客和货物运输经营许可、车辆营运证配发、出租汽车和网约车"
        "经营与从业资格管理。",
    ),
    (
        "gaj",
        "资阳市公安局",
        "负责居民身份证、户口迁移、出入境证件和烟花爆竹道路运输、"
        "大型群众性活动安全许可等事项。",
    ),
    (
        "mzj",
        "资阳市民政局",
        "负责婚姻和收养登记、社会组织登记和养老机构备案。",
    ),
    (
        "rsj",
        "资阳市人力资源和社会保障局",
        "负责社会保障卡、失业保险、就业创业、养老保险待遇、工伤认定和"
        "人力资源服务许可等事项。",
    ),
    (
        "scj",
        "资阳市市场监督管理局",
        "负责企业、个体工商户和农民专业合作社的设立、变更和注销登记。",
    ),
    (
        "jtj",
        "资阳市交通运输局",
        "负责公路超限运输许可、涉路施工许可和公路用地范围内设置非公路标志许可。",
    ),
    (
        "stj",
        "资阳市生态环境局",
        "负责建设项目环境影响评价文件审批、排污许可和危险废物经营许可初审。",
    ),
    (
        "jyj",
        "资阳市教育局",
        "负责教师资格认定、民办学校设立和校车使用许可等事项。",
    ),
    (
        "swj",
        "国家税务总局资阳市税务局",
        "负责发票领用、增值税一般纳税人登记和个人所得税综合所得汇算等涉税事项。",
    ),
    (
        "bdc",
        "资阳市不动产登记中心",
        "负责国有建设用地使用权和房屋所有权的首次、转移、抵押登记及登记资料查询。",
    ),
    (
        "slj",
        "资阳市水利局",
        "负责取水许可、河道管理范围内建设项目审查和生产建设项目水土保持方案审批。",
    ),
    (
        "yjj",
        "资阳市应急管理局",
        "负责危险化学品经营许可、烟花爆竹批发许可和生产安全事故应急预案备案。",
    ),
    (
        "gjj",
        "资阳市住房公积金管理中心",
        "负责住房公积金的缴存、提取和个人住房贷款。",
    ),
    (
        "ybj",
        "资阳市医疗保障局",
        "负责医疗保险参保登记、异地就医备案和门诊慢特病待遇认定。",
    ),
)


def _department(number, id, title, description):
    window, floor = _window(number)
    organisation = organisation_code(f"0{70100 + number * 37:07d}")
    return {
        "id": id,
        "title": title,
        "description": description,
        "short_code": id.upper(),
        "window_number": window,
        "address": f"{HALL_ADDRESS}{floor}楼{window}窗口",
        "office_hours": OFFICE_HOURS,
        "consultation_phone": f"028-2661{number:02d}01",
        "complaint_phone": f"028-2661{number:02d}09",
        "credit_code": credit_code("11" + CITY_DIVISION, organisation),
        "staff": _staff(number),
        "floor": floor,
    }


DEPARTMENTS = tuple(
    _department(number, *row) for number, row in enumerate(_DEPARTMENT_TABLE, 1)
)


# --- Items --------------------------------------------------------------------

# Post and which of the department's four people holds it, by step name.
_POSTS = {
    "受理": ("窗口受理岗", 0),
    "初审": ("业务初审岗", 1),
    "审查": ("业务审查岗", 1),
    "审核": ("业务审核岗", 1),
    "技术审查": ("技术审查岗", 2),
    "现场核查": ("现场核查岗", 2),
    "现场勘验": ("现场勘验岗", 2),
    "专家评审": ("专家评审组织岗", 2),
    "考核": ("考核评审岗", 2),
    "征求意见": ("会商协调岗", 2),
    "公示": ("公示岗", 1),
    "听证": ("听证组织岗", 1),
    "调解": ("调解岗", 2),
    "复审": ("复审岗", 2),
    "上报": ("转报岗", 1),
    "决定": ("审批决定岗", 3),
    "登簿": ("登簿岗", 3),
    "制证": ("制证发证岗", 0),
    "送达": ("办结送达岗", 0),
}

_HANDLING_FORMS = {
    "1": ("window",),
    "2": ("window", "online"),
    "3": ("window", "online", "mobile"),
    "4": ("online", "mobile", "express"),
}

_PARTIES = {
    "person": ("person",),
    "legal": ("legal",),
    "both": ("person", "legal"),
}

_IMMEDIATE_NOTE = "即办件：申请材料齐全、符合法定形式的，当场办结。"
_INSPECTION_NOTE = (
    "依法需要现场核查、检验、检测、鉴定、专家评审或公示的，所需时间不计入"
    "办理时限，窗口将书面告知申请人所需时间。"
)
_INSPECTION_STEPS = (
    "现场核查",
    "现场勘验",
    "专家评审",
    "考核",
    "公示",
    "听证",
    "技术审查",
)


def item(
    id,
    title,
    description,
    item_type,
    parties,
    themes,
    basis,
    conditions,
    materials,
    steps,
    statutory,
    promised,
    depth,
    faq,
    kind="promised",
    priority=None,
    charges=None,
    visits=None,
    forms=None,
    place=None,
    note=None,
    statutory_unit="working_days",
):
    """Describe a service item and its guide.

    :param id: the item's id inside its department.
    :param title: its name.
    :param description: one sentence on what it is for.
    :param item_type: the code of its type (``"01"`` licensing …).
    :param parties: ``"person"``, ``"legal"`` or ``"both"``.
    :param themes: codes of its themes.
    :param basis: ``(law, article, gist)`` triples of its legal basis.
    :param conditions: the acceptance conditions, one a line.
    :param materials: the materials, from :func:`material` and its kin.
    :param steps: ``(step name, working days)`` pairs of the process.
    :param statutory: the statutory time limit.
    :param promised: the promised time limit, in working days.
    :param depth: the online depth, ``"1"`` to ``"4"``.
    :param faq: ``(question, answer)`` pairs.
    :param kind: ``promised`` or ``immediate`` (即办件).
    :param priority: the priority category for online approval, if any.
    :param charges: ``(basis, standard)`` if a fee is charged.
    :param visits: on-site visits; by default none at depth IV, else one.
    :param forms: ways to apply; by default from the depth.
    :param place: where to apply, if not at the department's window.
    :param note: a note on the time limits, if not the usual one.
    :param statutory_unit: the unit of the statutory limit.
    :returns: a dictionary of the item's fields.
    """
    names = [name for name, _days in steps]
    if note is None and kind == "immediate":
        note = _IMMEDIATE_NOTE
    elif note is None and any(name in _INSPECTION_STEPS for name in names):
        note = _INSPECTION_NOTE
    return {
        "id": id,
        "title": title,
        "description": description,
        "item_type": item_type,
        "served_parties": list(_PARTIES[parties]),
        "themes": list(themes),
        "handling_kind": kind,
        "basis": tuple(basis),
        "conditions": "\n".join(
            f"{number}. {line}" for number, line in enumerate(conditions, 1)
        ),
        "materials": tuple(materials),
        "steps": tuple(steps),
        "statutory_limit": statutory,
        "statutory_limit_unit": statutory_unit,
        "promised_limit": promised,
        "promised_limit_unit": "working_days",
        "limit_note": note,
        "charges": charges is not None,
        "charge_basis": charges[0] if charges else None,
        "charge_standard": charges[1] if charges else "不收费",
        "handling_forms": list(forms or _HANDLING_FORMS[depth]),
        "place": place,
        "visits": (0 if depth == "4" else 1) if visits is None else visits,
        "online_depth": depth,
        "priority_category": priority,
        "faq": [{"question": q, "answer": a} for q, a in faq],
    }


def legal_basis_html(basis):
    """Render an item's legal basis as the HTML of its rich-text field.

    :param basis: ``(law, article, gist)`` triples.
    :returns: one paragraph per provision.
    """
    return "".join(
        f"<p><strong>《{escape(law)}》</strong>{escape(article)}"
        f"{'：' + escape(gist) if gist else ''}</p>"
        for law, article, gist in basis
    )


def process_steps(department, steps):
    """Give each step of an item its post and responsible person.

    :param department: the department's dictionary.
    :param steps: ``(step name, working days)`` pairs.
    :returns: the list of step dictionaries of the item's ``steps`` field.
    :raises KeyError: if a step's name has no post.
    """
    rows = []
    for name, days in steps:
        post, holder = _POSTS[name]
        rows.append(
            {
                "name": name,
                "post": post,
                "responsible": department["staff"][holder],
                "time_limit": days,
            }
        )
    return rows


def codes(department_number, department, item_type, position):
    """Return the basic and implementation codes of an item.

    :param department_number: the department's position, from 1.
    :param department: the department's dictionary.
    :param item_type: the item's type code.
    :param position: the item's position in its department, from 1.
    :returns: ``(basic_code, implementation_code)``.
    """
    basic = f"{item_type}{department_number:03d}{position:04d}000"
    return basic, department["credit_code"] + basic


# --- 气象局 ---------------------------------------------------------------------

_LIGHTNING_BASIS = (
    (
        "中华人民共和国气象法",
        "第三十一条",
        "各级气象主管机构应当加强对雷电灾害防御工作的组织管理；安装的雷电灾害"
        "防护装置应当符合国务院气象主管机构规定的使用要求。",
    ),
    (
        "气象灾害防御条例",
        "第二十三条",
        "油库、气库、弹药库、化学品仓库和烟花爆竹、石化等易燃易爆建设工程和"
        "场所，雷电易发区内的矿区、旅游景点或者投入使用的建(构)筑物、设施等"
        "需要单独安装雷电防护装置的场所，以及雷电风险高且没有防雷标准规范、"
        "需要进行特殊论证的大型项目，其雷电防护装置的设计审核和竣工验收由县级"
        "以上地方气象主管机构负责。",
    ),
    (
        "国务院关于优化建设工程防雷许可的决定",
        "（国发〔2016〕39号）",
        "房屋建筑和市政基础设施工程的防雷装置设计审核、竣工验收整合纳入建筑"
        "工程施工图审查、竣工验收备案；气象部门负责前述特殊场所和项目的防雷"
        "装置设计审核和竣工验收许可。",
    ),
)

_QXJ = (
    item(
        "lightning-protection-design",
        "雷电防护装置设计审核",
        "易燃易爆场所、雷电易发区内需单独安装雷电防护装置的场所和特殊大型项目，"
        "在施工前由气象部门审核其雷电防护装置设计。",
        "01",
        "legal",
        ("construction", "meteorology"),
        basis=_LIGHTNING_BASIS,
        conditions=(
            "项目属于油库、气库、弹药库、化学品仓库、烟花爆竹、石化等易燃易爆"
            "建设工程和场所，或雷电易发区内需单独安装雷电防护装置的矿区、旅游"
            "景点等场所，或雷电风险高、需要特殊论证的大型项目；",
            "雷电防护装置设计由具有相应建设工程设计资质的单位承担；",
            "设计文件符合《建筑物防雷设计规范》（GB 50057）等国家防雷标准；",
            "需要进行雷电灾害风险评估的项目，已取得评估报告。",
        ),
        materials=(
            form(
                "application",
                "雷电防护装置设计审核申请书",
                COMPANY_FIELDS
                + ("项目名称", "项目地址", "建设规模", "防雷类别", "设计单位"),
                values={
                    "申请单位名称": "资阳市城东能源有限公司",
                    "项目名称": "城东加油加气站新建工程",
                    "项目地址": "资阳市雁江区城东大道南段",
                    "建设规模": "站房及罩棚1200平方米，埋地储罐4座",
                    "防雷类别": "第二类防雷建筑物",
                    "设计单位": "四川蜀安工程设计有限公司",
                },
            ),
            material(
                "design-documents",
                "雷电防护装置设计说明书和设计图纸",
                "由设计单位出具并加盖出图章，包括设计说明、总平面防雷布置图，"
                "接闪器、引下线、接地装置和等电位连接的大样图。",
                forms=("original", "electronic"),
                source="other",
                upload=True,
            ),
            material(
                "product-documents",
                "设计中所采用的防雷产品相关说明",
                "浪涌保护器、接闪器等产品的型号、参数和检测报告；设计未选用专用"
                "防雷产品的可不提供。",
                requirement="optional",
                forms=("copy",),
                originals=0,
                copies=1,
                source="other",
            ),
            material(
                "risk-assessment",
                "雷电灾害风险评估报告",
                "需要进行风险评估的大型项目提供；可先受理，在审核决定前补交。"
                "已纳入区域雷电灾害风险评估范围的项目无需提供。",
                requirement="deferrable",
                forms=("copy", "electronic"),
                originals=0,
                copies=1,
                source="other",
            ),
            authorisation(),
        ),
        steps=(("受理", 1), ("技术审查", 4), ("决定", 1), ("送达", 1)),
        statutory=20,
        promised=7,
        depth="3",
        priority="agency",
        faq=(
            (
                "住宅、写字楼等房屋建筑工程还要到气象部门办理防雷设计审核吗？",
                "不需要。房屋建筑和市政基础设施工程的防雷设计审核已并入施工图"
                "审查，由住房和城乡建设部门监管；气象部门只审核易燃易爆场所、"
                "雷电易发区内需单独安装防雷装置的场所和特殊大型项目。",
            ),
            (
                "审核不通过怎么办？",
                "窗口出具不予许可决定书并写明需修改的内容，设计单位修改后可以"
                "重新申请；对决定不服的，可以依法申请行政复议或者提起行政诉讼。",
            ),
        ),
    ),
    item(
        "lightning-protection-acceptance",
        "雷电防护装置竣工验收",
        "已通过设计审核的雷电防护装置施工完成后，由气象部门组织竣工验收，"
        "验收合格方可投入使用。",
        "01",
        "legal",
        ("construction", "meteorology"),
        basis=_LIGHTNING_BASIS,
        conditions=(
            "已取得雷电防护装置设计审核意见书；",
            "雷电防护装置已按照审核同意的设计文件施工完成；",
            "具有雷电防护装置检测资质的机构已出具检测报告，结论合格。",
        ),
        materials=(
            form(
                "application",
                "雷电防护装置竣工验收申请书",
                COMPANY_FIELDS
                + (
                    "项目名称",
                    "项目地址",
                    "设计审核意见书编号",
                    "施工单位",
                    "竣工日期",
                ),
                values={
                    "申请单位名称": "资阳市城东能源有限公司",
                    "项目名称": "城东加油加气站新建工程",
                    "项目地址": "资阳市雁江区城东大道南段",
                    "设计审核意见书编号": "资气防设审〔2024〕第012号",
                    "施工单位": "四川雁城建设工程有限公司",
                    "竣工日期": "2024年3月10日",
                },
            ),
            material(
                "as-built-drawings",
                "雷电防护装置竣工图纸等技术资料",
                "施工单位出具的竣工图、隐蔽工程记录和施工记录，加盖施工单位公章。",
                forms=("original", "electronic"),
                source="other",
                upload=True,
            ),
            material(
                "test-report",
                "雷电防护装置检测报告",
                "由具有检测资质的机构在竣工后出具的首次检测报告。",
                forms=("original", "electronic"),
                source="other",
                upload=True,
            ),
            material(
                "product-certificates",
                "防雷产品出厂合格证和安装记录",
                "所用防雷产品的出厂合格证、检测报告和安装记录复印件。",
                forms=("copy",),
                originals=0,
                copies=1,
                source="other",
            ),
        ),
        steps=(("受理", 1), ("现场核查", 2), ("决定", 1), ("送达", 1)),
        statutory=10,
        promised=5,
        depth="2",
        faq=(
            (
                "申请竣工验收前需要先做检测吗？",
                "需要。请先委托具有雷电防护装置检测资质的机构检测，检测报告是"
                "验收的必备材料。",
            ),
            (
                "验收合格后领取什么文书？",
                "领取《雷电防护装置验收意见书》；未经验收或者验收不合格的，"
                "不得投入使用。",
            ),
        ),
    ),
    item(
        "balloon-release",
        "升放无人驾驶自由气球或者系留气球活动审批",
        "在庆典、广告等活动中升放无人驾驶自由气球或者系留气球，须事先经气象"
        "部门会同有关部门批准。",
        "01",
        "legal",
        ("meteorology", "culture_tourism"),
        basis=(
            (
                "通用航空飞行管制条例",
                "第三十三条",
                "进行升放无人驾驶自由气球或者系留气球活动，必须经设区的市级以上"
                "气象主管机构会同有关部门批准。",
            ),
            (
                "升放气球管理办法",
                "（中国气象局令）",
                "升放气球活动实行许可制度，升放单位应当向升放地设区的市级气象"
                "主管机构提出申请，并按批准的时间、地点、数量升放。",
            ),
        ),
        conditions=(
            "升放地点不在机场净空保护区、军事禁区和高压输电线路保护区内；",
            "气球、充灌气体和系留设备符合国家标准，不使用氢气充灌系留气球；",
            "现场作业人员熟悉升放安全技术规范，并有安全保障措施和应急预案；",
            "升放时间、地点、数量和高度明确。",
        ),
        materials=(
            form(
                "application",
                "升放气球活动申请表",
                COMPANY_FIELDS
                + (
                    "活动名称",
                    "升放地点",
                    "升放时间",
                    "气球类型及数量",
                    "系留高度",
                    "现场负责人",
                ),
                values={
                    "申请单位名称": "资阳市星辰文化传媒有限公司",
                    "活动名称": "2024年春季房地产交易会开幕庆典",
                    "升放地点": "资阳市雁江区城市广场东侧（东经104.65°，北纬30.12°）",
                    "升放时间": "2024年4月6日8:00至4月8日18:00",
                    "气球类型及数量": "系留气球6个，直径2.5米，氦气充灌",
                    "系留高度": "距地面不超过50米",
                    "现场负责人": "陈晓雨（13800001234）",
                },
            ),
            material(
                "site-plan",
                "升放场地平面示意图",
                "标明升放点、周边建筑物、高压线和道路位置，手绘清晰即可。",
                forms=("original", "electronic"),
                upload=True,
            ),
            material(
                "safety-plan",
                "安全保障措施和应急预案",
                "写明现场看护、固定系留、恶劣天气停放和气球脱落时的处置办法。",
                forms=("original",),
            ),
            business_licence(),
        ),
        steps=(("受理", 1), ("征求意见", 1), ("决定", 1)),
        statutory=5,
        promised=3,
        depth="3",
        priority="repeated",
        faq=(
            (
                "哪些气球需要审批？",
                "无人驾驶自由气球指总质量大于4千克、自由飘移的充气物体；系留"
                "气球指系留于地面物体上、直径大于1.8米或者体积容量大于3.2立方米"
                "的充气物体。升放这两类气球须经批准，儿童玩具气球不在此列。",
            ),
            (
                "要提前多久申请？",
                "请在计划升放日的5个工作日前申请；节假日集中庆典较多，建议提前"
                "10个工作日。",
            ),
        ),
    ),
    item(
        "detection-environment",
        "新建、扩建、改建建设工程避免危害气象探测环境审批",
        "在气象台站探测环境保护范围内建设工程，确实无法避免危害探测环境的，"
        "经市气象局初审后报省气象局书面同意。",
        "01",
        "legal",
        ("construction", "meteorology"),
        basis=(
            (
                "中华人民共和国气象法",
                "第二十一条",
                "新建、扩建、改建建设工程，应当避免危害气象探测环境；确实无法"
                "避免的，建设单位应当事先征得省、自治区、直辖市气象主管机构的"
                "同意，并采取相应的措施后，方可建设。",
            ),
            (
                "气象设施和气象探测环境保护条例",
                "第十七条",
                "在气象台站探测环境保护范围内新建、改建、扩建建设工程，确实无法"
                "避免危害气象探测环境的，建设单位应当向省级气象主管机构报告并"
                "提出补救措施，经其书面同意。",
            ),
        ),
        conditions=(
            "建设工程位于国家级或者省级气象台站探测环境保护范围内；",
            "已对工程影响探测环境的程度作出评估，并提出可行的补救措施；",
            "项目已经批准、核准或者备案。",
        ),
        materials=(
            form(
                "application",
                "建设工程涉及气象探测环境审批申请书",
                COMPANY_FIELDS
                + ("项目名称", "项目地址", "与气象台站的距离及方位", "建筑物高度"),
                values={
                    "申请单位名称": "资阳市雁南置业有限公司",
                    "项目名称": "雁南花园住宅小区三期",
                    "项目地址": "资阳市雁江区雁南大道西段",
                    "与气象台站的距离及方位": "位于资阳国家基本气象站东南方向约820米",
                    "建筑物高度": "最高54米（18层）",
                },
            ),
            material(
                "site-drawings",
                "建设项目总平面图和立面图",
                "由设计单位出具，标明与气象观测场的相对位置和高度。",
                forms=("copy", "electronic"),
                originals=0,
                copies=1,
                source="other",
                upload=True,
            ),
            material(
                "impact-assessment",
                "气象探测环境影响评估报告",
                "由具备能力的技术单位编制，说明工程对观测场遮挡仰角等指标的影响。",
                forms=("original", "electronic"),
                source="other",
                upload=True,
            ),
            material(
                "remedial-measures",
                "补救措施方案",
                "建设单位拟采取的补救措施及其费用安排。",
                forms=("original",),
            ),
            material(
                "project-approval",
                "项目批准、核准或者备案文件",
                "投资主管部门出具的批复、核准或者备案证明复印件。",
                forms=("copy",),
                originals=0,
                copies=1,
                source="government",
            ),
        ),
        steps=(("受理", 1), ("现场勘验", 3), ("初审", 3), ("上报", 1)),
        statutory=20,
        promised=15,
        depth="2",
        priority="upward",
        note="本事项由市气象局受理并初审后报四川省气象局决定，承诺时限含省气象局"
        "的审批时间；现场勘验时间不计入办理时限。",
        faq=(
            (
                "怎样知道项目是否在探测环境保护范围内？",
                "可以在本事项页面在线咨询或拨打窗口电话查询；国家基本气象站的"
                "保护范围已纳入城市规划，规划条件中也会载明有关要求。",
            ),
        ),
    ),
)


# --- 发展和改革委员会 -----------------------------------------------------------

_PROJECT_VALUES = {
    "申请单位名称": "资阳市川中机械制造有限公司",
    "项目名称": "年产5万台套汽车零部件生产线技术改造项目",
    "建设地点": "资阳高新技术产业园区机车大道",
    "建设规模及内容": "改造厂房1.2万平方米，新增数控加工设备86台（套）",
    "项目总投资（万元）": "12800",
    "计划开工时间": "2024年5月",
}
_PROJECT_FIELDS = COMPANY_FIELDS + tuple(list(_PROJECT_VALUES)[1:])

_FGW = (
    item(
        "investment-filing",
        "企业投资项目备案",
        "政府核准目录以外的企业投资项目，开工前通过在线平台告知项目信息，"
        "信息齐全即完成备案。",
        "10",
        "legal",
        ("construction", "establishment"),
        basis=(
            (
                "企业投资项目核准和备案管理条例",
                "第十三条",
                "实行备案管理的项目，企业应当在开工建设前通过在线平台将企业基本"
                "情况，项目名称、建设地点、建设规模、建设内容，项目总投资额等"
                "信息告知备案机关。",
            ),
            (
                "企业投资项目核准和备案管理办法",
                "（国家发展改革委令第2号）",
                "备案机关收到全部信息即为备案；项目信息不完整的，应当及时告知"
                "企业予以补正。",
            ),
        ),
        conditions=(
            "项目不在《政府核准的投资项目目录》范围内；",
            "项目符合产业政策，不属于禁止投资建设的项目；",
            "在开工建设前通过全国投资项目在线审批监管平台（四川）填报信息。",
        ),
        materials=(
            form(
                "filing-form",
                "企业投资项目备案信息表",
                _PROJECT_FIELDS,
                values=_PROJECT_VALUES,
            ),
            commitment("policy-declaration", "项目符合产业政策的承诺书"),
            business_licence(upload=True),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=0,
        promised=0,
        depth="4",
        kind="immediate",
        priority="formal",
        faq=(
            (
                "备案需要到窗口吗？",
                "不需要。在线填报项目信息，信息齐全的即时备案，可自行打印备案证明。",
            ),
            (
                "已备案项目的信息变了怎么办？",
                "建设地点、规模、内容等发生较大变更或者放弃建设的，应及时在线"
                "告知备案机关，修改备案信息。",
            ),
        ),
    ),
    item(
        "investment-approval",
        "企业投资项目核准",
        "列入政府核准目录的企业投资项目，由核准机关从规划、产业政策、资源利用"
        "和公共利益等方面审查后作出核准决定。",
        "01",
        "legal",
        ("construction", "establishment"),
        basis=(
            (
                "企业投资项目核准和备案管理条例",
                "第三条",
                "对关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大"
                "公共利益等项目，实行核准管理。",
            ),
            (
                "企业投资项目核准和备案管理条例",
                "第九条",
                "核准机关从是否危害经济安全、社会安全、生态安全，是否符合相关"
                "发展建设规划、产业政策和技术标准，是否合理开发并有效利用资源，"
                "是否对重大公共利益产生不利影响等方面审查。",
            ),
        ),
        conditions=(
            "项目属于《政府核准的投资项目目录（四川省）》中由市级核准或者经市级"
            "初审转报的项目；",
            "符合国民经济和社会发展规划、国土空间规划和产业政策；",
            "已按规定取得用地预审与选址意见书。",
        ),
        materials=(
            report(
                "application-report",
                "项目申请报告",
                "由企业自主或委托咨询机构编制，内容包括项目建设情况、资源利用和"
                "生态环境影响、经济和社会影响分析。",
            ),
            copy_of(
                "site-opinion",
                "用地预审与选址意见书",
                "自然资源和规划部门出具；不涉及新增用地的，提供土地权属证明。",
                upload=True,
            ),
            business_licence(),
        ),
        steps=(("受理", 1), ("技术审查", 5), ("审查", 6), ("决定", 2), ("送达", 1)),
        statutory=20,
        promised=15,
        depth="3",
        priority="upward",
        note="委托咨询机构评估的时间不计入办理时限；需报省发展改革委核准的项目，"
        "市级初审后5个工作日内转报。",
        faq=(
            (
                "怎么判断项目是核准还是备案？",
                "对照《政府核准的投资项目目录（四川省）》，目录内的实行核准，"
                "目录外的实行备案；拿不准的可以在线咨询。",
            ),
        ),
    ),
    item(
        "energy-review",
        "固定资产投资项目节能审查",
        "年综合能源消费量达到规定规模的固定资产投资项目，开工前须通过节能审查。",
        "01",
        "legal",
        ("construction", "environment"),
        basis=(
            (
                "中华人民共和国节约能源法",
                "第十五条",
                "国家实行固定资产投资项目节能评估和审查制度。不符合强制性节能"
                "标准的项目，建设单位不得开工建设；已经建成的，不得投入生产、"
                "使用。",
            ),
            (
                "固定资产投资项目节能审查办法",
                "（国家发展改革委令2023年第2号）",
                "节能审查意见是项目开工建设、竣工验收和运营管理的重要依据。",
            ),
        ),
        conditions=(
            "项目年综合能源消费量1000吨标准煤以上，或者年电力消费量500万千瓦时以上；",
            "项目用能符合强制性节能标准和区域能耗双控要求；",
            "已编制节能报告。",
        ),
        materials=(
            form(
                "application",
                "固定资产投资项目节能审查申请表",
                _PROJECT_FIELDS[:7] + ("年综合能源消费量（吨标准煤）",),
                values={
                    **_PROJECT_VALUES,
                    "年综合能源消费量（吨标准煤）": "2360（当量值）",
                },
            ),
            report(
                "energy-report",
                "节能报告",
                "由建设单位或委托的技术机构编制，分析项目能源消费量、能效水平和"
                "节能措施。",
            ),
            copy_of(
                "project-filing",
                "项目备案证明或核准文件",
                "在线平台打印的备案证明或者核准批复。",
            ),
        ),
        steps=(("受理", 1), ("专家评审", 5), ("审查", 4), ("决定", 1), ("送达", 1)),
        statutory=20,
        promised=12,
        depth="3",
        faq=(
            (
                "哪些项目不需要单独节能审查？",
                "年综合能源消费量不满1000吨标准煤且年电力消费量不满500万千瓦时的"
                "项目，以及用能工艺简单、节能潜力小的行业项目，不再单独进行节能"
                "审查，按规定执行节能标准即可。",
            ),
        ),
    ),
    item(
        "tender-approval",
        "依法必须招标项目的招标范围、招标方式和招标组织形式核准",
        "需要审批、核准的依法必须招标项目，在项目审批、核准时一并核准其招标方案。",
        "01",
        "legal",
        ("construction",),
        basis=(
            (
                "中华人民共和国招标投标法实施条例",
                "第七条",
                "按照国家有关规定需要履行项目审批、核准手续的依法必须进行招标的"
                "项目，其招标范围、招标方式、招标组织形式应当报项目审批、核准"
                "部门审批、核准。",
            ),
        ),
        conditions=(
            "项目按规定需要履行审批或者核准手续，且属于依法必须招标的项目；",
            "申请邀请招标或者不招标的，符合招标投标法实施条例第八条、第九条规定"
            "的情形。",
        ),
        materials=(
            form(
                "application",
                "招标事项核准申请表",
                COMPANY_FIELDS
                + (
                    "项目名称",
                    "项目审批或核准文号",
                    "招标范围",
                    "招标方式",
                    "招标组织形式",
                ),
                values={
                    "申请单位名称": "资阳市水务投资有限责任公司",
                    "项目名称": "资阳市城区供水管网改造工程",
                    "项目审批或核准文号": "资发改投资〔2024〕35号",
                    "招标范围": "勘察、设计、施工、监理及重要设备材料采购",
                    "招标方式": "公开招标",
                    "招标组织形式": "委托招标",
                },
            ),
            copy_of(
                "project-approval",
                "项目审批或核准文件",
                "可研批复、初步设计批复或者核准批复。",
            ),
            document(
                "exception-statement",
                "邀请招标或者不招标的情况说明",
                "申请邀请招标或者不招标的提交，写明理由并附证明材料。",
                requirement="optional",
            ),
        ),
        steps=(("受理", 1), ("审查", 3), ("决定", 1)),
        statutory=20,
        promised=5,
        depth="3",
        faq=(
            (
                "招标方案能和项目一起报批吗？",
                "可以，而且应当一起报：在报送可研报告或者项目申请报告时附招标"
                "方案，审批、核准部门一并作出决定。",
            ),
        ),
    ),
)


# --- 卫生健康委员会 -------------------------------------------------------------

_CLINIC_VALUES = {
    "申请单位名称": "资阳安康健康管理有限公司",
    "医疗机构名称": "资阳安康综合门诊部",
    "医疗机构类别": "综合门诊部",
    "地址": "资阳市雁江区建设北路166号1—2楼",
    "诊疗科目": "内科；外科；妇科；儿科；医学检验科；医学影像科",
    "床位或牙椅": "观察床8张",
}

_WJW = (
    item(
        "medical-institution-setup",
        "医疗机构设置审批",
        "单位或者个人设置按规定须审批的医疗机构，先取得设置医疗机构批准书。",
        "01",
        "both",
        ("health", "establishment"),
        basis=(
            (
                "医疗机构管理条例",
                "第九条",
                "单位或者个人设置医疗机构，按照国务院的规定应当办理设置医疗机构"
                "批准书的，应当经县级以上地方人民政府卫生行政部门审查批准，并"
                "取得设置医疗机构批准书。",
            ),
            (
                "医疗机构管理条例",
                "第十二条",
                "卫生行政部门应当自受理设置申请之日起30日内，作出批准或者不批准"
                "的书面答复。",
            ),
        ),
        conditions=(
            "符合本市医疗机构设置规划和区域卫生规划；",
            "设置人不属于不得申请设置医疗机构的情形；",
            "选址与污染源、易燃易爆场所保持安全距离，房屋结构满足诊疗要求。",
        ),
        materials=(
            form(
                "application",
                "设置医疗机构申请书",
                COMPANY_FIELDS[:3] + tuple(_CLINIC_VALUES)[1:] + ("联系电话",),
                values=_CLINIC_VALUES,
            ),
            document(
                "feasibility-study",
                "设置可行性研究报告",
                "说明所在区域人口、医疗资源分布、拟设机构规模和投资来源。",
                upload=True,
            ),
            report(
                "site-report",
                "选址报告和建筑设计平面图",
                "标明各功能用房布局和面积；平面图由设计单位出具。",
            ),
            copy_of(
                "founder-documents",
                "设置人资格证明",
                "单位提供营业执照或法人登记证书，个人提供身份证和执业证书。",
                source="applicant",
            ),
        ),
        steps=(
            ("受理", 1),
            ("审查", 4),
            ("现场核查", 5),
            ("决定", 3),
            ("送达", 1),
        ),
        statutory=30,
        statutory_unit="calendar_days",
        promised=15,
        depth="2",
        faq=(
            (
                "设置审批和执业登记可以一起办吗？",
                "可以。二级及以下医疗机构的设置审批与执业登记可以合并办理，只需"
                "提交一次材料，直接申请执业登记。",
            ),
        ),
    ),
    item(
        "medical-institution-registration",
        "医疗机构执业登记",
        "医疗机构执业前进行登记，领取《医疗机构执业许可证》。",
        "01",
        "legal",
        ("health", "establishment"),
        basis=(
            (
                "医疗机构管理条例",
                "第十五条",
                "医疗机构执业，必须进行登记，领取《医疗机构执业许可证》。",
            ),
            (
                "医疗机构管理条例",
                "第十六条",
                "申请医疗机构执业登记，应当具备设置医疗机构批准书、符合医疗机构"
                "基本标准、有适合的名称组织机构和场所、有相应的经费设施设备和"
                "专业卫生技术人员、有相应的规章制度、能够独立承担民事责任等条件。",
            ),
            (
                "医疗机构管理条例",
                "第十九条",
                "卫生行政部门自受理执业登记申请之日起45日内进行审核，审核合格的"
                "予以登记，发给《医疗机构执业许可证》。",
            ),
        ),
        conditions=(
            "已取得设置医疗机构批准书，或者与设置审批合并申请；",
            "符合医疗机构基本标准，有适合的名称、组织机构和场所；",
            "有与所开展业务相适应的经费、设施、设备和专业卫生技术人员；",
            "有相应的规章制度，能够独立承担民事责任。",
        ),
        materials=(
            form(
                "application",
                "医疗机构申请执业登记注册书",
                COMPANY_FIELDS[:3] + tuple(_CLINIC_VALUES)[1:] + ("联系电话",),
                values=_CLINIC_VALUES,
            ),
            copy_of(
                "premises",
                "医疗机构用房产权证明或者使用证明",
                "不动产权证书或者租赁期不少于3年的租赁合同。",
                source="applicant",
            ),
            copy_of(
                "staff-certificates",
                "卫生技术人员名录及其资格证书、执业证书",
                "列明姓名、专业、职称，附资格证书和执业证书复印件。",
                source="applicant",
                upload=True,
            ),
            document(
                "rules",
                "医疗机构规章制度",
                "包括医疗质量管理、感染防控、医疗废物处置等制度；可在现场核查前补交。",
                requirement="deferrable",
            ),
        ),
        steps=(
            ("受理", 1),
            ("审查", 5),
            ("现场核查", 8),
            ("决定", 3),
            ("制证", 1),
        ),
        statutory=45,
        statutory_unit="calendar_days",
        promised=20,
        depth="3",
        faq=(
            (
                "诊所也要办执业登记吗？",
                "诊所实行备案管理，向所在地县级卫生健康部门备案后即可执业，"
                "不再办理执业登记。",
            ),
        ),
    ),
    item(
        "public-place-hygiene",
        "公共场所卫生许可",
        "宾馆、美容美发、沐浴、游泳等公共场所营业前取得卫生许可证。",
        "01",
        "legal",
        ("health", "production"),
        basis=(
            (
                "公共场所卫生管理条例",
                "第四条",
                "国家对公共场所实行“卫生许可证”制度。",
            ),
            (
                "公共场所卫生管理条例",
                "第八条",
                "除公园、体育场(馆)、公共交通工具外的公共场所，经营单位应当及时"
                "向卫生行政部门申请办理“卫生许可证”。",
            ),
            (
                "公共场所卫生管理条例实施细则",
                "（卫生部令第80号）",
                "公共场所经营者取得工商行政管理部门颁发的营业执照后，还应当按照"
                "规定向县级以上地方人民政府卫生行政部门申请卫生许可证，方可"
                "营业。",
            ),
        ),
        conditions=(
            "场所选址、布局和卫生设施设备符合卫生标准和规范；",
            "从业人员取得有效的健康合格证明；",
            "建立卫生管理制度，配备专职或者兼职卫生管理人员；",
            "室内空气、水质、公共用品用具等卫生检测合格。",
        ),
        materials=(
            form(
                "application",
                "公共场所卫生许可申请表",
                COMPANY_FIELDS[:3]
                + (
                    "经营场所",
                    "经营项目",
                    "营业面积（平方米）",
                    "从业人员数",
                    "联系电话",
                ),
                values={
                    "申请单位名称": "资阳市雁城悦居酒店管理有限公司",
                    "经营项目": "住宿",
                    "营业面积（平方米）": "3200",
                    "从业人员数": "36人（均持有效健康合格证明）",
                },
            ),
            business_licence(upload=True),
            document(
                "floor-plan",
                "场所平面布局图",
                "标明各功能区、卫生设施、给排水和通风设施位置。",
                upload=True,
            ),
            report(
                "hygiene-test",
                "卫生检测报告",
                "由有资质的检测机构出具的空气、水质、公共用品用具检测报告；可在"
                "现场核查前补交。",
                requirement="deferrable",
                upload=False,
            ),
        ),
        steps=(("受理", 1), ("现场核查", 4), ("决定", 2), ("制证", 1)),
        statutory=20,
        promised=8,
        depth="3",
        faq=(
            (
                "卫生许可证有效期多长？",
                "有效期4年，每2年复核一次；期满需继续经营的，应在届满30日前申请延续。",
            ),
        ),
    ),
    item(
        "physician-registration",
        "医师执业注册",
        "取得医师资格的人员在医疗卫生机构执业前申请注册，领取医师执业证书。",
        "01",
        "person",
        ("health", "employment"),
        basis=(
            (
                "中华人民共和国医师法",
                "第十三条",
                "国家实行医师执业注册制度。取得医师资格的，可以向所在地县级以上"
                "地方人民政府卫生健康主管部门申请注册；卫生健康主管部门应当自受理"
                "申请之日起二十个工作日内准予注册并发给医师执业证书。",
            ),
            (
                "医师执业注册管理办法",
                "（国家卫生和计划生育委员会令第13号）",
                "医师执业注册实行电子化注册管理。",
            ),
        ),
        conditions=(
            "已取得医师资格证书；",
            "拟执业的医疗卫生机构同意聘用；",
            "不具有医师法规定不予注册的情形。",
        ),
        materials=(
            form(
                "application",
                "医师执业注册申请审核表",
                PERSON_FIELDS
                + ("医师资格证书编码", "执业类别", "执业范围", "拟执业机构"),
                values={
                    "医师资格证书编码": "202451110512002199003151230",
                    "执业类别": "临床",
                    "执业范围": "内科专业",
                    "拟执业机构": "资阳安康综合门诊部",
                },
            ),
            report(
                "health-certificate",
                "近6个月内的健康体检证明",
                "县级以上医疗机构出具。",
            ),
            report(
                "employment-proof",
                "拟执业机构的聘用证明",
                "由拟执业的医疗卫生机构出具并盖章。",
            ),
        ),
        steps=(("受理", 1), ("审核", 2), ("决定", 1), ("制证", 1)),
        statutory=20,
        promised=5,
        depth="4",
        priority="formal",
        faq=(
            (
                "注册要跑窗口吗？",
                "不用。通过国家医师电子化注册信息系统提交，审核通过后可下载电子"
                "医师执业证书。",
            ),
        ),
    ),
    item(
        "nurse-registration",
        "护士执业注册",
        "通过护士执业资格考试的人员执业前申请注册，领取护士执业证书。",
        "01",
        "person",
        ("health", "employment"),
        basis=(
            (
                "护士条例",
                "第七条",
                "护士执业，应当经执业注册取得护士执业证书；申请人应当具有完全"
                "民事行为能力，完成规定的护理、助产专业学习和临床实习，通过护士"
                "执业资格考试，符合健康标准。",
            ),
            (
                "护士条例",
                "第八条",
                "收到申请的卫生主管部门应当自收到申请之日起20个工作日内做出决定。",
            ),
        ),
        conditions=(
            "具有完全民事行为能力；",
            "完成普通全日制3年以上护理、助产专业课程学习，包括8个月以上临床"
            "实习，并取得学历证书；",
            "通过护士执业资格考试；",
            "符合规定的健康标准。",
        ),
        materials=(
            form(
                "application",
                "护士执业注册申请审核表",
                PERSON_FIELDS + ("毕业院校", "考试合格年份", "拟执业机构"),
                values={
                    "姓名": "周雨桐",
                    "性别": "女",
                    "公民身份号码": SAMPLE_SPOUSE_ID,
                    "毕业院校": "四川护理职业学院",
                    "考试合格年份": "2024年",
                    "拟执业机构": "资阳市第一人民医院",
                },
            ),
            copy_of(
                "diploma",
                "学历证书",
                "学信网可以核验的，窗口在线核验，无需提交。",
                source="other",
            ),
            report("health-certificate", "健康体检证明", "6个月内县级以上医院出具。"),
        ),
        steps=(("受理", 1), ("审核", 2), ("决定", 1), ("制证", 1)),
        statutory=20,
        promised=5,
        depth="3",
        priority="formal",
        faq=(
            (
                "考试通过多久内要申请注册？",
                "应当自通过考试之日起3年内申请；超过3年的，还需提交在教学、综合"
                "医院接受3个月临床护理培训并考核合格的证明。",
            ),
        ),
    ),
    item(
        "water-supply-hygiene",
        "集中式供水单位卫生许可",
        "集中式供水单位供水前取得卫生许可证。",
        "01",
        "legal",
        ("environment", "production"),
        basis=(
            (
                "中华人民共和国传染病防治法",
                "第二十九条",
                "饮用水供水单位供应的饮用水应当符合国家卫生标准和卫生规范；饮用水"
                "供水单位从事生产或者供应活动，应当依法取得卫生许可证。",
            ),
            (
                "生活饮用水卫生监督管理办法",
                "",
                "集中式供水单位取得县级以上地方人民政府卫生健康主管部门签发的卫生"
                "许可证后，方可供水。",
            ),
        ),
        conditions=(
            "水源选择和水源卫生防护符合要求；",
            "制水工艺、消毒设施和水质检验能力满足要求；",
            "直接从事供、管水的人员取得健康证明并经卫生知识培训。",
        ),
        materials=(
            form(
                "application",
                "集中式供水单位卫生许可申请表",
                COMPANY_FIELDS + ("水源类型", "日供水能力（立方米）", "供水范围"),
                values={
                    "申请单位名称": "资阳市雁东自来水有限公司",
                    "水源类型": "地表水（老鹰水库）",
                    "日供水能力（立方米）": "50000",
                    "供水范围": "雁江区东部城区及临空经济区",
                },
            ),
            report("water-test", "出厂水水质检验报告", "有资质的检验机构出具。"),
            document(
                "process-drawings",
                "供水设施平面布局和制水工艺流程图",
                "标明取水口、净化、消毒、储水设施位置。",
                upload=True,
            ),
            copy_of(
                "staff-health",
                "供、管水人员健康证明",
                "从业人员名单及健康合格证明复印件。",
                source="other",
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 5),
            ("审查", 2),
            ("决定", 1),
            ("制证", 1),
        ),
        statutory=20,
        promised=10,
        depth="2",
        faq=(
            (
                "二次供水也要办这个许可吗？",
                "二次供水设施管理单位按本市规定另行办理卫生许可或备案，可在线"
                "咨询确认。",
            ),
        ),
    ),
)


# --- 质量技术监督局 -------------------------------------------------------------

_ZLJ = (
    item(
        "special-equipment-registration",
        "特种设备使用登记",
        "锅炉、压力容器、电梯、起重机械等特种设备在投入使用前或者投入使用后"
        "30日内办理使用登记。",
        "01",
        "legal",
        ("production", "qualification"),
        basis=(
            (
                "中华人民共和国特种设备安全法",
                "第三十三条",
                "特种设备使用单位应当在特种设备投入使用前或者投入使用后三十日内，"
                "向负责特种设备安全监督管理的部门办理使用登记，取得使用登记证书。",
            ),
            (
                "特种设备安全监察条例",
                "第二十五条",
                "特种设备使用单位应当向直辖市或者设区的市的特种设备安全监督管理"
                "部门登记。",
            ),
            (
                "特种设备使用管理规则",
                "（TSG 08-2017）",
                "规定了使用登记的程序、所需资料和登记证的式样。",
            ),
        ),
        conditions=(
            "特种设备已经监督检验或者定期检验合格；",
            "在投入使用前或者投入使用后30日内申请；",
            "使用单位已配备安全管理人员。",
        ),
        materials=(
            form(
                "registration-form",
                "特种设备使用登记表",
                COMPANY_FIELDS[:2]
                + (
                    "设备类别",
                    "设备品种",
                    "产品编号",
                    "设备使用地点",
                    "安全管理员",
                    "联系电话",
                ),
                values={
                    "申请单位名称": "资阳市和园物业服务有限公司",
                    "设备类别": "电梯",
                    "设备品种": "曳引驱动乘客电梯",
                    "产品编号": "HY2023-118052",
                    "设备使用地点": "资阳市雁江区和园小区5栋1单元",
                    "安全管理员": "陈晓雨",
                },
            ),
            copy_of(
                "product-certificate",
                "产品合格证（含产品数据表）",
                "制造单位随设备提供。",
                source="other",
                upload=True,
            ),
            report(
                "inspection-certificate",
                "监督检验证明或者定期检验报告",
                "由特种设备检验机构出具。",
            ),
        ),
        steps=(("受理", 1), ("审核", 1), ("制证", 0)),
        statutory=15,
        promised=2,
        depth="4",
        priority="repeated",
        faq=(
            (
                "一次能登记多台设备吗？",
                "可以。同一使用单位同一使用地点的多台设备可以一次申报，每台设备"
                "分别发给使用登记证。",
            ),
        ),
    ),
    item(
        "special-equipment-operator",
        "特种设备安全管理和作业人员资格认定",
        "特种设备安全管理人员和作业人员经考试合格后，申请取得《特种设备安全"
        "管理和作业人员证》。",
        "01",
        "person",
        ("employment", "qualification"),
        basis=(
            (
                "中华人民共和国特种设备安全法",
                "第十四条",
                "特种设备安全管理人员、检测人员和作业人员应当按照国家有关规定取得"
                "相应资格，方可从事相关工作。",
            ),
            (
                "特种设备作业人员监督管理办法",
                "（国家质量监督检验检疫总局令第140号）",
                "从事特种设备作业的人员应当按照本办法的规定，经考核合格取得"
                "《特种设备作业人员证》，方可从事相应的作业或者管理工作。",
            ),
        ),
        conditions=(
            "年龄18周岁以上且不超过60周岁，具有完全民事行为能力；",
            "无妨碍从事相应作业的疾病和生理缺陷；",
            "具有初中以上学历；",
            "经考试机构理论和实际操作考试合格。",
        ),
        materials=(
            form(
                "application",
                "特种设备安全管理和作业人员资格申请表",
                PERSON_FIELDS + ("申请作业项目", "学历", "考试机构", "考试日期"),
                values={
                    "申请作业项目": "A 特种设备安全管理",
                    "学历": "大学专科",
                    "考试机构": "资阳市特种设备作业人员考试中心",
                    "考试日期": "2024年3月2日",
                },
            ),
            id_card(),
            material(
                "photo",
                "近期2寸正面免冠白底彩色照片",
                "2张；网上申请的上传电子照片。",
                forms=("original", "electronic"),
                originals=2,
                upload=True,
            ),
            report(
                "exam-result",
                "考试合格证明",
                "考试机构出具，已在系统中共享的无需提交。",
                requirement="optional",
                upload=False,
            ),
        ),
        steps=(("受理", 1), ("审核", 2), ("决定", 1), ("制证", 1)),
        statutory=20,
        promised=5,
        depth="3",
        faq=(
            (
                "证书有效期多久？",
                "有效期4年，期满前3个月内申请复审，复审合格的有效期延续4年。",
            ),
        ),
    ),
    item(
        "measurement-standard",
        "计量标准器具核准",
        "企业、事业单位建立本单位最高计量标准，经考核合格取得计量标准考核证书"
        "后方可使用。",
        "01",
        "legal",
        ("qualification", "production"),
        basis=(
            (
                "中华人民共和国计量法",
                "第八条",
                "企业、事业单位根据需要，可以建立本单位使用的计量标准器具，其各项"
                "最高计量标准器具经有关人民政府计量行政部门主持考核合格后使用。",
            ),
            (
                "中华人民共和国计量法实施细则",
                "第十条",
                "企业、事业单位建立本单位各项最高计量标准，须向与其主管部门同级的"
                "人民政府计量行政部门申请考核。",
            ),
            (
                "计量标准考核办法",
                "（国家质量监督检验检疫总局令第72号）",
                "规定了计量标准考核的申请、考评和审批程序。",
            ),
        ),
        conditions=(
            "计量标准器及配套设备经检定合格或者校准；",
            "具有开展量值传递的环境条件；",
            "有能够履行职责的计量检定或者校准人员；",
            "有完善的管理制度。",
        ),
        materials=(
            form(
                "application",
                "计量标准考核（复查）申请书",
                COMPANY_FIELDS
                + (
                    "计量标准名称",
                    "测量范围",
                    "不确定度或准确度等级",
                    "计量标准器名称及编号",
                ),
                values={
                    "申请单位名称": "资阳市川中机械制造有限公司",
                    "计量标准名称": "工作用玻璃液体温度计标准装置",
                    "测量范围": "（-30～300）℃",
                    "不确定度或准确度等级": "U=0.06℃（k=2）",
                    "计量标准器名称及编号": "二等标准水银温度计 No.2023-0158",
                },
            ),
            document(
                "technical-report",
                "计量标准技术报告",
                "包括重复性试验、稳定性考核和测量不确定度评定。",
                upload=True,
            ),
            copy_of(
                "calibration-certificates",
                "计量标准器及主要配套设备的检定或校准证书",
                "在有效期内的证书复印件。",
                source="other",
            ),
            copy_of(
                "staff-qualification",
                "检定或校准人员能力证明",
                "注册计量师证书或者能力证明。",
                source="other",
            ),
        ),
        steps=(
            ("受理", 1),
            ("考核", 10),
            ("审核", 2),
            ("决定", 1),
            ("制证", 1),
        ),
        statutory=20,
        promised=15,
        depth="2",
        faq=(
            (
                "考核证书到期怎么办？",
                "证书有效期4年，期满前6个月申请复查考核。",
            ),
        ),
    ),
    item(
        "lab-accreditation",
        "检验检测机构资质认定",
        "向社会出具具有证明作用的数据和结果的检验检测机构，经资质认定后方可"
        "从事相应活动；市局受理初审后报省级部门决定。",
        "01",
        "legal",
        ("qualification",),
        basis=(
            (
                "中华人民共和国计量法",
                "第二十二条",
                "为社会提供公证数据的产品质量检验机构，必须经省级以上人民政府计量"
                "行政部门对其计量检定、测试的能力和可靠性考核合格。",
            ),
            (
                "检验检测机构资质认定管理办法",
                "（国家质量监督检验检疫总局令第163号）",
                "检验检测机构应当具备法人资格、相应的人员、场所、设备设施和管理"
                "体系，经资质认定部门技术评审合格后取得资质认定证书。",
            ),
        ),
        conditions=(
            "是依法成立并能够承担相应法律责任的法人或者其他组织；",
            "具有与检验检测活动相适应的技术人员、管理人员和工作场所；",
            "具备所必需的检验检测设备设施；",
            "建立并有效运行保证检验检测活动独立、公正、科学、诚信的管理体系。",
        ),
        materials=(
            form(
                "application",
                "检验检测机构资质认定申请书",
                COMPANY_FIELDS + ("检验检测类别", "申请检验检测项目数量", "技术负责人"),
                values={
                    "申请单位名称": "资阳市精测检验检测技术有限公司",
                    "检验检测类别": "建设工程材料",
                    "申请检验检测项目数量": "86项",
                    "技术负责人": "王建平（高级工程师）",
                },
            ),
            document(
                "management-system",
                "管理体系文件",
                "质量手册、程序文件和作业指导书。",
                upload=True,
            ),
            document(
                "resources-list",
                "人员和设备一览表",
                "列明技术人员的职称、资格和主要设备的检定或校准情况。",
            ),
            report(
                "typical-reports",
                "典型检验检测报告",
                "每个申请类别提供1至2份。",
                requirement="deferrable",
                upload=False,
            ),
        ),
        steps=(("受理", 1), ("初审", 3), ("上报", 1)),
        statutory=20,
        promised=10,
        depth="2",
        priority="upward",
        note="市局受理初审后报四川省市场监督管理局决定；技术评审时间不计入办理时限。",
        faq=(
            (
                "可以实行告知承诺吗？",
                "对部分检验检测项目可以采用告知承诺方式，当场作出资质认定决定，"
                "再在3个月内进行现场核查。",
            ),
        ),
    ),
)


# --- 文化广电旅游局 -------------------------------------------------------------

_VENUE_FIELDS = COMPANY_FIELDS + ("经营场所", "营业面积（平方米）")

_WGL = (
    item(
        "entertainment-venue",
        "娱乐场所经营许可",
        "歌舞、游艺娱乐场所开业前取得娱乐经营许可证。",
        "01",
        "legal",
        ("culture_tourism", "production"),
        basis=(
            (
                "娱乐场所管理条例",
                "第九条",
                "娱乐场所申请从事娱乐场所经营活动，应当向所在地县级人民政府文化"
                "主管部门提出申请。",
            ),
            (
                "娱乐场所管理条例",
                "第十条",
                "文化主管部门审批娱乐场所应当举行听证。",
            ),
            (
                "娱乐场所管理办法",
                "（文化部令第55号）",
                "规定了申请材料、实地检查和娱乐经营许可证的核发。",
            ),
        ),
        conditions=(
            "投资人员、拟任法定代表人和其他负责人没有条例规定不得开办娱乐场所"
            "或者在娱乐场所任职的情形；",
            "场所不在居民楼、博物馆、图书馆和文物保护单位内，与学校、医院、机关"
            "保持规定距离；",
            "包厢、包间不设隔断，门窗透明；使用面积符合规定标准。",
        ),
        materials=(
            form(
                "application",
                "娱乐场所经营许可申请表",
                _VENUE_FIELDS + ("经营类型", "包厢数量"),
                values={
                    "申请单位名称": "资阳市声悦娱乐有限公司",
                    "经营场所": "资阳市雁江区建设北路166号3楼",
                    "营业面积（平方米）": "680",
                    "经营类型": "歌舞娱乐场所（KTV）",
                    "包厢数量": "18间",
                },
            ),
            business_licence(upload=True),
            commitment("no-record-declaration", "投资人员和负责人无违法犯罪记录承诺书"),
            copy_of(
                "premises",
                "房屋权属证明或者租赁合同",
                "租赁的，租期应不少于1年。",
                source="applicant",
                upload=True,
            ),
            document(
                "floor-plan",
                "营业场所平面图",
                "标明包厢位置、面积和安全出口。",
                upload=True,
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 3),
            ("听证", 2),
            ("决定", 3),
            ("制证", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "取得许可证后还要做什么？",
                "应当在15日内向所在地县级公安部门备案。",
            ),
        ),
    ),
    item(
        "commercial-performance",
        "营业性演出审批",
        "在本市举办营业性演出，演出前报文化旅游部门批准。",
        "01",
        "legal",
        ("culture_tourism",),
        basis=(
            (
                "营业性演出管理条例",
                "第十三条",
                "举办营业性演出，应当向演出所在地县级人民政府文化主管部门提出申请。"
                "县级人民政府文化主管部门应当自受理申请之日起3日内作出决定。",
            ),
        ),
        conditions=(
            "举办单位是演出经纪机构，或者是自行举办演出的文艺表演团体；",
            "演出内容不含条例第二十五条禁止的内容；",
            "演出场所具备安全条件，已与场所签订使用协议。",
        ),
        materials=(
            form(
                "application",
                "营业性演出申请登记表",
                COMPANY_FIELDS[:2]
                + (
                    "演出名称",
                    "演出时间",
                    "演出场所",
                    "主要演员及节目",
                    "票价",
                    "联系电话",
                ),
                values={
                    "申请单位名称": "资阳市雁韵演艺经纪有限公司",
                    "演出名称": "“雁城之夜”民族音乐会",
                    "演出时间": "2024年5月1日19:30—21:30",
                    "演出场所": "资阳市文化艺术中心大剧院",
                    "主要演员及节目": "资阳市川剧团等3个团体，节目12个",
                    "票价": "80元、120元、180元",
                },
            ),
            copy_of(
                "venue-contract",
                "演出场所合同",
                "与演出场所签订的使用协议。",
                source="applicant",
                upload=True,
            ),
            document(
                "programme",
                "演出节目内容材料",
                "节目单、节目视频或文字说明。",
                upload=True,
            ),
        ),
        steps=(("受理", 0), ("审查", 1), ("决定", 1)),
        statutory=3,
        promised=2,
        depth="3",
        priority="repeated",
        faq=(
            (
                "演出变更了节目怎么办？",
                "演出时间、地点、演员或节目发生变更的，应当重新报批。",
            ),
        ),
    ),
    item(
        "internet-cafe",
        "互联网上网服务营业场所经营单位设立审批",
        "开办网吧等互联网上网服务营业场所，经审批取得网络文化经营许可证。",
        "01",
        "legal",
        ("culture_tourism", "establishment"),
        basis=(
            (
                "互联网上网服务营业场所管理条例",
                "第九条",
                "中学、小学校园周围200米范围内和居民住宅楼（院）内不得设立互联网"
                "上网服务营业场所。",
            ),
            (
                "互联网上网服务营业场所管理条例",
                "第十条",
                "经营单位申请从事互联网上网服务经营活动，应当向县级以上地方人民"
                "政府文化行政部门提出申请。",
            ),
        ),
        conditions=(
            "有企业的名称、住所、组织机构和章程；",
            "营业场所符合消防安全条件，不在中小学校园周围200米范围内和居民住宅"
            "楼（院）内；",
            "有健全、完善的信息网络安全管理制度和安全技术措施；",
            "有固定的网络地址和与经营活动相适应的计算机等设备。",
        ),
        materials=(
            form(
                "application",
                "互联网上网服务营业场所经营单位设立申请表",
                _VENUE_FIELDS + ("计算机台数",),
                values={
                    "申请单位名称": "资阳市极速网络科技有限公司",
                    "经营场所": "资阳市雁江区建设北路166号2楼",
                    "营业面积（平方米）": "420",
                    "计算机台数": "120台",
                },
            ),
            business_licence(),
            copy_of(
                "premises",
                "营业场所产权证明或者租赁合同",
                "租赁的附出租方产权证明。",
                source="applicant",
                upload=True,
            ),
            document(
                "security-rules",
                "信息网络安全管理制度",
                "可在现场核查前补交。",
                requirement="deferrable",
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 4),
            ("审查", 2),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "可以接纳未成年人吗？",
                "不可以。上网服务营业场所不得接纳未成年人进入，应在入口处悬挂"
                "未成年人禁入标志。",
            ),
        ),
    ),
    item(
        "travel-agency",
        "旅行社业务经营许可（国内和入境旅游业务）",
        "设立经营国内旅游和入境旅游业务的旅行社，由省文化和旅游厅委托市级实施许可。",
        "01",
        "legal",
        ("culture_tourism", "establishment"),
        basis=(
            (
                "旅行社条例",
                "第六条",
                "申请经营国内旅游业务和入境旅游业务的，应当取得企业法人资格，并且"
                "注册资本不少于30万元。",
            ),
            (
                "旅行社条例",
                "第七条",
                "应当向所在地省级旅游行政管理部门或者其委托的设区的市级旅游行政"
                "管理部门提出申请，受理部门应当自受理申请之日起20个工作日内作出"
                "决定。",
            ),
        ),
        conditions=(
            "取得企业法人资格，注册资本不少于30万元；",
            "有固定的经营场所和必要的营业设施；",
            "取得许可后3个工作日内存入质量保证金或者提交银行担保。",
        ),
        materials=(
            form(
                "application",
                "旅行社业务经营许可申请书",
                _VENUE_FIELDS + ("注册资本（万元）", "拟任总经理"),
                values={
                    "申请单位名称": "资阳市安岳石刻旅行社有限公司",
                    "营业面积（平方米）": "86",
                    "注册资本（万元）": "50",
                    "拟任总经理": "王建平",
                },
            ),
            business_licence(upload=True),
            copy_of(
                "premises",
                "经营场所证明",
                "产权证明或者租期1年以上的租赁合同。",
                source="applicant",
            ),
            document(
                "facilities",
                "营业设施说明",
                "列明电话、传真、计算机和业务管理系统等设施。",
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 3),
            ("审查", 3),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "质量保证金交多少？",
                "经营国内和入境旅游业务的旅行社，质量保证金为20万元；可以用银行"
                "担保或者保证保险代替。",
            ),
        ),
    ),
    item(
        "satellite-tv",
        "设置卫星电视广播地面接收设施审批",
        "单位设置卫星地面接收设施，向市文化广电旅游局申请，报省级广播电视部门审批。",
        "01",
        "legal",
        ("culture_tourism",),
        basis=(
            (
                "卫星电视广播地面接收设施管理规定",
                "第七条",
                "单位设置卫星地面接收设施的，必须向当地县、市人民政府广播电视行政"
                "管理部门提出申请，报省、自治区、直辖市人民政府广播电视行政管理"
                "部门审批。",
            ),
        ),
        conditions=(
            "因工作需要接收卫星传送的电视节目；",
            "设施由取得安装许可的单位安装；",
            "有专人负责设施的管理和维护。",
        ),
        materials=(
            form(
                "application",
                "设置卫星电视广播地面接收设施申请表",
                COMPANY_FIELDS + ("安装地点", "接收节目", "安装单位"),
                values={
                    "申请单位名称": "资阳市雁城悦居酒店管理有限公司",
                    "安装地点": "资阳市雁江区建设北路166号楼顶",
                    "接收节目": "中星9号境内卫星电视节目",
                    "安装单位": "四川广电网络资阳分公司",
                },
            ),
            copy_of(
                "legal-person",
                "营业执照或者法人登记证书",
                "加盖单位公章。",
            ),
            document("installation-plan", "设施安装方案", "写明设备型号、位置和线路。"),
        ),
        steps=(("受理", 1), ("现场核查", 3), ("初审", 2), ("上报", 1)),
        statutory=20,
        promised=15,
        depth="2",
        priority="upward",
        note="市局初审后报四川省广播电视局审批，承诺时限含省局审批时间。",
        faq=(
            (
                "个人家庭能申请吗？",
                "本事项面向单位。个人家庭收看卫星电视，可选择直播卫星户户通等"
                "合法渠道。",
            ),
        ),
    ),
)


# --- 住房和城乡建设局 -----------------------------------------------------------

_BUILDING_VALUES = {
    "申请单位名称": "资阳市雁南置业有限公司",
    "工程名称": "雁南花园住宅小区三期1#—5#楼及地下车库",
    "建设地址": "资阳市雁江区雁南大道西段",
    "建设规模（平方米）": "68500",
}
_BUILDING_FIELDS = COMPANY_FIELDS + tuple(list(_BUILDING_VALUES)[1:])
_FIRE_BASIS = (
    "建设工程消防设计审查验收管理暂行规定",
    "（住房和城乡建设部令第51号）",
    "规定了特殊建设工程的范围以及消防设计审查、消防验收的程序和时限。",
)

_ZJJ = (
    item(
        "construction-permit",
        "建筑工程施工许可证核发",
        "工程投资额30万元以上或者建筑面积300平方米以上的建筑工程，开工前领取"
        "施工许可证。",
        "01",
        "legal",
        ("construction",),
        basis=(
            (
                "中华人民共和国建筑法",
                "第七条",
                "建筑工程开工前，建设单位应当按照国家有关规定向工程所在地县级以上"
                "人民政府建设行政主管部门申请领取施工许可证。",
            ),
            (
                "中华人民共和国建筑法",
                "第八条",
                "申请领取施工许可证，应当已经办理用地批准手续、取得规划许可证、"
                "具备施工条件、确定建筑施工企业、有满足施工需要的资金安排和技术"
                "资料、有保证工程质量和安全的具体措施。",
            ),
            (
                "建筑工程施工许可管理办法",
                "（住房和城乡建设部令第18号）",
                "发证机关应当自收到申请之日起七日内，对符合条件的申请颁发施工许可证。",
            ),
        ),
        conditions=(
            "依法应当办理用地批准手续的，已经办理；",
            "已经取得建设工程规划许可证；",
            "施工场地已经基本具备施工条件，已经确定施工企业；",
            "有满足施工需要的资金安排、施工图纸及技术资料，有保证工程质量和安全"
            "的具体措施。",
        ),
        materials=(
            form(
                "application",
                "建筑工程施工许可申请表",
                _BUILDING_FIELDS
                + ("合同价格（万元）", "施工单位", "监理单位", "合同工期"),
                values={
                    **_BUILDING_VALUES,
                    "合同价格（万元）": "18650",
                    "施工单位": "四川雁城建设工程有限公司",
                    "监理单位": "资阳市诚信工程监理有限公司",
                    "合同工期": "2024年4月1日至2026年3月31日",
                },
            ),
            copy_of(
                "planning-permit",
                "建设工程规划许可证",
                "已在部门间共享的，窗口在线调取。",
                upload=True,
            ),
            copy_of(
                "construction-contract",
                "施工合同和中标通知书",
                "依法必须招标的附中标通知书；直接发包的附发包说明。",
                source="applicant",
                upload=True,
            ),
            commitment("funding-commitment", "建设资金已经落实承诺书"),
            document(
                "quality-safety",
                "保证工程质量和安全的具体措施",
                "施工组织设计中的质量安全措施；可在开工前补交。",
                requirement="deferrable",
            ),
        ),
        steps=(("受理", 1), ("审查", 1), ("决定", 1)),
        statutory=7,
        promised=3,
        depth="3",
        priority="agency",
        faq=(
            (
                "小工程也要办施工许可证吗？",
                "工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，"
                "可以不申请施工许可证。",
            ),
            (
                "领证后多久必须开工？",
                "应当自领证之日起三个月内开工；因故不能按期开工的，应当申请延期，"
                "延期以两次为限，每次不超过三个月。",
            ),
        ),
    ),
    item(
        "presale-permit",
        "商品房预售许可",
        "房地产开发企业预售商品房，取得商品房预售许可证明。",
        "01",
        "legal",
        ("housing", "construction"),
        basis=(
            (
                "中华人民共和国城市房地产管理法",
                "第四十五条",
                "商品房预售应当已交付全部土地使用权出让金并取得土地使用权证书，"
                "持有建设工程规划许可证，投入开发建设的资金达到工程建设总投资的"
                "百分之二十五以上，并向房产管理部门办理预售登记，取得商品房预售"
                "许可证明。",
            ),
            (
                "城市商品房预售管理办法",
                "",
                "房地产管理部门应当自收到预售申请之日起10日内，作出同意预售或者"
                "不同意预售的答复。",
            ),
        ),
        conditions=(
            "已交付全部土地使用权出让金，取得土地使用权证书；",
            "持有建设工程规划许可证和施工许可证；",
            "投入开发建设的资金达到工程建设总投资的25%以上，并已确定施工进度和"
            "竣工交付日期；",
            "已签订商品房预售资金监管协议。",
        ),
        materials=(
            form(
                "application",
                "商品房预售许可申请表",
                COMPANY_FIELDS
                + (
                    "开发资质证书编号",
                    "项目名称",
                    "预售楼栋",
                    "预售面积（平方米）",
                    "监管银行",
                ),
                values={
                    "申请单位名称": "资阳市雁南置业有限公司",
                    "开发资质证书编号": "川建房开资字第5120002号",
                    "项目名称": "雁南花园住宅小区三期",
                    "预售楼栋": "1#、2#楼",
                    "预售面积（平方米）": "26430.56",
                    "监管银行": "中国建设银行资阳分行",
                },
            ),
            copy_of(
                "land-certificate",
                "不动产权证书（土地使用权）",
                "已在部门间共享的无需提交。",
            ),
            copy_of(
                "permits",
                "建设工程规划许可证和施工许可证",
                "加盖企业公章。",
            ),
            document(
                "presale-plan",
                "商品房预售方案",
                "写明预售房屋的位置、面积、竣工交付日期和预售资金监管安排。",
                upload=True,
            ),
            report(
                "investment-proof",
                "工程形象进度和投资证明",
                "监理单位出具的工程进度证明，投资达到总投资25%以上。",
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 2),
            ("审查", 2),
            ("决定", 1),
            ("制证", 1),
        ),
        statutory=10,
        promised=7,
        depth="2",
        faq=(
            (
                "购房人怎样查询项目是否取得预售许可？",
                "可在本大厅“信息公开”栏目或住房和城乡建设局网站按项目名称查询"
                "预售许可证明和可售房源。",
            ),
        ),
    ),
    item(
        "fire-design-review",
        "特殊建设工程消防设计审查",
        "人员密集场所等特殊建设工程，施工前将消防设计文件报住房和城乡建设部门审查。",
        "01",
        "legal",
        ("construction",),
        basis=(
            (
                "中华人民共和国消防法",
                "第十一条",
                "国务院住房和城乡建设主管部门规定的特殊建设工程，建设单位应当将"
                "消防设计文件报送住房和城乡建设主管部门审查。",
            ),
            (
                "中华人民共和国消防法",
                "第十二条",
                "特殊建设工程未经消防设计审查或者审查不合格的，建设单位、施工单位"
                "不得施工。",
            ),
            _FIRE_BASIS,
        ),
        conditions=(
            "属于暂行规定所列的特殊建设工程；",
            "消防设计文件符合国家工程建设消防技术标准；",
            "设计单位具有相应资质。",
        ),
        materials=(
            form(
                "application",
                "特殊建设工程消防设计审查申请表",
                _BUILDING_FIELDS + ("使用性质", "设计单位"),
                values={
                    **_BUILDING_VALUES,
                    "工程名称": "资阳市雁江区城东商业综合体",
                    "建设规模（平方米）": "45800",
                    "使用性质": "商场、餐饮、电影院",
                    "设计单位": "四川蜀安工程设计有限公司",
                },
            ),
            report(
                "fire-design",
                "消防设计文件",
                "包括消防设计说明和总平面、建筑、给排水、电气、暖通各专业图纸。",
            ),
            copy_of(
                "planning-permit",
                "建设工程规划许可证",
                "依法需要办理的提供。",
                requirement="optional",
            ),
        ),
        steps=(("受理", 1), ("技术审查", 6), ("决定", 2), ("送达", 1)),
        statutory=15,
        promised=10,
        depth="3",
        priority="agency",
        faq=(
            (
                "普通住宅需要消防设计审查吗？",
                "不属于特殊建设工程的，不需要单独审查，建设单位在申请施工许可时"
                "提供满足施工需要的消防设计图纸即可。",
            ),
        ),
    ),
    item(
        "fire-acceptance",
        "特殊建设工程消防验收",
        "特殊建设工程竣工后申请消防验收，验收合格方可投入使用。",
        "01",
        "legal",
        ("construction",),
        basis=(
            (
                "中华人民共和国消防法",
                "第十三条",
                "国务院住房和城乡建设主管部门规定应当申请消防验收的建设工程竣工，"
                "建设单位应当向住房和城乡建设主管部门申请消防验收。",
            ),
            _FIRE_BASIS,
        ),
        conditions=(
            "完成工程设计和合同约定的消防施工内容；",
            "有完整的工程消防技术档案和施工管理资料；",
            "建设、设计、施工、监理单位已签署工程质量合格文件；",
            "消防设施性能、系统功能联调联试检测合格。",
        ),
        materials=(
            form(
                "application",
                "特殊建设工程消防验收申请表",
                _BUILDING_FIELDS + ("消防设计审查意见书文号", "竣工日期"),
                values={
                    **_BUILDING_VALUES,
                    "工程名称": "资阳市雁江区城东商业综合体",
                    "建设规模（平方米）": "45800",
                    "消防设计审查意见书文号": "资建消审字〔2023〕第058号",
                    "竣工日期": "2024年2月28日",
                },
            ),
            document(
                "completion-report",
                "工程竣工验收报告",
                "建设单位组织竣工验收后形成。",
                upload=True,
            ),
            report(
                "as-built-drawings",
                "涉及消防的建设工程竣工图纸",
                "由施工单位编制。",
            ),
            report(
                "fire-test",
                "消防设施检测报告",
                "技术服务机构出具；可在现场评定前补交。",
                requirement="deferrable",
                upload=False,
            ),
        ),
        steps=(("受理", 1), ("现场核查", 6), ("决定", 2), ("送达", 1)),
        statutory=15,
        promised=10,
        depth="2",
        faq=(
            (
                "现场评定看什么？",
                "查验消防设施、器材的安装和功能，抽测系统联动，核对建筑防火分隔、"
                "疏散通道和安全出口。",
            ),
        ),
    ),
    item(
        "gas-business-licence",
        "燃气经营许可证核发",
        "从事管道燃气、瓶装燃气、汽车加气等燃气经营的企业取得燃气经营许可证。",
        "01",
        "legal",
        ("production", "qualification"),
        basis=(
            (
                "城镇燃气管理条例",
                "第十五条",
                "国家对燃气经营实行许可证制度。从事燃气经营活动的企业，应当符合"
                "燃气发展规划，有符合国家标准的燃气气源和燃气设施，有固定的经营"
                "场所、完善的安全管理制度和健全的经营方案，主要负责人、安全生产"
                "管理人员以及运行、维护和抢修人员经专业培训并考核合格。",
            ),
        ),
        conditions=(
            "符合本市燃气发展规划；",
            "有符合国家标准的燃气气源和燃气设施；",
            "有固定的经营场所、完善的安全管理制度和健全的经营方案；",
            "主要负责人、安全生产管理人员和运行、维护、抢修人员经专业培训并考核合格。",
        ),
        materials=(
            form(
                "application",
                "燃气经营许可申请表",
                COMPANY_FIELDS + ("经营类别", "经营区域", "气源"),
                values={
                    "申请单位名称": "资阳市安燃燃气有限公司",
                    "经营类别": "瓶装液化石油气",
                    "经营区域": "雁江区",
                    "气源": "中石化西南石油化工有限公司供气协议",
                },
            ),
            copy_of(
                "facility-acceptance",
                "燃气设施竣工验收文件",
                "储配站等设施的竣工验收备案材料。",
                source="applicant",
            ),
            document(
                "safety-rules",
                "安全管理制度和应急预案",
                "含事故应急预案和抢修制度。",
                upload=True,
            ),
            copy_of(
                "training",
                "人员培训考核合格证明",
                "主要负责人、安全管理人员和运行维护抢修人员的证书。",
                source="other",
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 6),
            ("审查", 4),
            ("决定", 3),
            ("制证", 1),
        ),
        statutory=20,
        promised=15,
        depth="2",
        faq=(
            (
                "许可证有效期多久？",
                "燃气经营许可证有效期为3年，期满前3个月申请延续。",
            ),
        ),
    ),
    item(
        "construction-waste",
        "城市建筑垃圾处置核准",
        "工程施工中产生的建筑垃圾需要运输、消纳的，处置前申请核准。",
        "01",
        "legal",
        ("construction", "environment"),
        basis=(
            (
                "城市建筑垃圾管理规定",
                "（建设部令第139号）第七条",
                "处置建筑垃圾的单位，应当向城市人民政府市容环境卫生主管部门提出"
                "申请，获得城市建筑垃圾处置核准后，方可处置。",
            ),
            (
                "国务院对确需保留的行政审批项目设定行政许可的决定",
                "（国务院令第412号）",
                "将城市建筑垃圾处置核准设定为行政许可项目。",
            ),
        ),
        conditions=(
            "有建筑垃圾分类处置方案和废混凝土、金属、木材等回收利用方案；",
            "已落实消纳场所；",
            "运输车辆具备全密闭运输装置，安装行驶及装卸记录仪。",
        ),
        materials=(
            form(
                "application",
                "城市建筑垃圾处置核准申请表",
                COMPANY_FIELDS
                + (
                    "工程名称",
                    "建筑垃圾产生量（立方米）",
                    "运输单位",
                    "消纳场所",
                    "处置期限",
                ),
                values={
                    **_BUILDING_VALUES,
                    "建筑垃圾产生量（立方米）": "32000",
                    "运输单位": "资阳市通达渣土运输有限公司",
                    "消纳场所": "雁江区建筑垃圾资源化利用中心",
                    "处置期限": "2024年4月1日至2024年9月30日",
                },
            ),
            document(
                "disposal-plan",
                "建筑垃圾处置方案",
                "写明垃圾种类、数量、运输路线和回收利用措施。",
                upload=True,
            ),
            copy_of(
                "transport-contract",
                "运输合同和消纳场所证明",
                "与运输单位签订的合同和消纳场所同意接收的证明。",
                source="applicant",
            ),
        ),
        steps=(("受理", 1), ("审查", 1), ("决定", 1)),
        statutory=20,
        promised=3,
        depth="3",
        faq=(
            (
                "装修垃圾也要办吗？",
                "居民家庭装修产生的少量垃圾按小区指定地点堆放，由物业统一清运，"
                "不需办理；装修公司集中处置的应当办理。",
            ),
        ),
    ),
)


# --- 食品药品监督管理局 ---------------------------------------------------------

_FOOD_BASIS = (
    "中华人民共和国食品安全法",
    "第三十五条",
    "国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当"
    "依法取得许可。",
)

_SYJ = (
    item(
        "food-business-licence",
        "食品经营许可",
        "从事食品销售和餐饮服务的经营者，开业前取得食品经营许可证。",
        "01",
        "both",
        ("food_drug", "production"),
        basis=(
            _FOOD_BASIS,
            (
                "食品经营许可和备案管理办法",
                "（国家市场监督管理总局令第78号）",
                "县级以上地方市场监督管理部门应当自受理申请之日起10个工作日内作出"
                "是否准予行政许可的决定。",
            ),
        ),
        conditions=(
            "具有与经营的食品品种、数量相适应的食品原料处理、加工、销售、贮存等场所；",
            "具有相应的设备或者设施；",
            "有专职或者兼职的食品安全管理人员和保证食品安全的规章制度；",
            "具有合理的设备布局和工艺流程。",
        ),
        materials=(
            form(
                "application",
                "食品经营许可申请书",
                COMPANY_FIELDS[:3]
                + ("经营场所", "主体业态", "经营项目", "食品安全管理人员", "联系电话"),
                values={
                    "申请单位名称": "资阳市雁城味道餐饮管理有限公司",
                    "主体业态": "餐饮服务经营者（中型餐馆）",
                    "经营项目": "热食类食品制售；冷食类食品制售（不含生食）",
                    "食品安全管理人员": "陈晓雨",
                },
            ),
            business_licence(upload=True),
            document(
                "layout",
                "设备布局和操作流程",
                "标明加工、贮存区域和主要设备的位置。",
                upload=True,
            ),
            document(
                "food-safety-rules",
                "食品安全管理制度",
                "进货查验、从业人员健康管理、食品安全自查等制度；可先受理，现场"
                "核查时提供。",
                requirement="deferrable",
            ),
        ),
        steps=(("受理", 1), ("现场核查", 2), ("决定", 1), ("制证", 1)),
        statutory=10,
        promised=5,
        depth="3",
        faq=(
            (
                "只卖预包装食品要办许可吗？",
                "仅销售预包装食品的不需要许可，向所在地市场监督管理部门备案即可。",
            ),
        ),
    ),
    item(
        "food-production-licence",
        "食品生产许可",
        "在本市从事食品生产的企业，投产前取得食品生产许可证。",
        "01",
        "legal",
        ("food_drug", "production"),
        basis=(
            _FOOD_BASIS,
            (
                "食品生产许可管理办法",
                "（国家市场监督管理总局令第24号）",
                "食品生产许可实行一企一证原则，需要现场核查的，核查时间不计入许可"
                "时限。",
            ),
        ),
        conditions=(
            "具有与生产的食品品种、数量相适应的原料处理和加工、包装、贮存场所；",
            "有相应的生产设备或者设施；",
            "有食品安全专业技术人员、管理人员和保证食品安全的规章制度；",
            "具有合理的设备布局和工艺流程。",
        ),
        materials=(
            form(
                "application",
                "食品生产许可申请书",
                COMPANY_FIELDS + ("生产地址", "食品类别", "申证单元"),
                values={
                    "申请单位名称": "资阳市临江豆香食品有限公司",
                    "生产地址": "资阳市雁江区临江镇工业集中区",
                    "食品类别": "调味品",
                    "申证单元": "半固态调味料（豆瓣酱）",
                },
            ),
            business_licence(),
            document(
                "equipment-list",
                "食品生产主要设备设施清单",
                "列明设备名称、型号和数量。",
            ),
            document(
                "process-drawings",
                "工艺设计图和工艺流程图",
                "标明生产车间布局、人流物流走向。",
                upload=True,
            ),
            document(
                "quality-rules",
                "食品安全管理制度",
                "含原料验收、过程控制、出厂检验等制度。",
                upload=True,
            ),
        ),
        steps=(("受理", 1), ("现场核查", 4), ("决定", 2), ("制证", 1)),
        statutory=10,
        promised=8,
        depth="3",
        faq=(
            (
                "传统豆瓣酱这类产品怎样申证？",
                "按调味品类的半固态调味料单元申请，生产工艺和检验能力应当符合"
                "相应的审查细则。",
            ),
        ),
    ),
    item(
        "drug-retail-licence",
        "药品零售企业经营许可",
        "开办药店取得药品经营许可证。",
        "01",
        "legal",
        ("food_drug",),
        basis=(
            (
                "中华人民共和国药品管理法",
                "第五十一条",
                "从事药品零售活动，应当经所在地县级以上地方人民政府药品监督管理"
                "部门批准，取得药品经营许可证。",
            ),
            (
                "中华人民共和国药品管理法",
                "第五十二条",
                "从事药品经营活动应当有依法经过资格认定的药师或者其他药学技术"
                "人员，有相适应的营业场所、设备、仓储设施和卫生环境，有质量管理"
                "机构或者人员，有保证药品质量的规章制度。",
            ),
            (
                "药品经营和使用质量监督管理办法",
                "（国家市场监督管理总局令第84号）",
                "规定了药品经营许可的申请、审查和发证程序。",
            ),
        ),
        conditions=(
            "有依法经过资格认定的药师或者其他药学技术人员；",
            "有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；",
            "有与所经营药品相适应的质量管理机构或者人员；",
            "有保证药品质量的规章制度，符合药品经营质量管理规范。",
        ),
        materials=(
            form(
                "application",
                "药品经营许可证申请表",
                COMPANY_FIELDS + ("经营场所", "经营范围", "质量负责人"),
                values={
                    "申请单位名称": "资阳市仁济大药房有限公司",
                    "经营范围": "处方药；甲类非处方药；乙类非处方药；中药饮片",
                    "质量负责人": "周雨桐（执业药师）",
                },
            ),
            business_licence(),
            copy_of(
                "pharmacist",
                "执业药师注册证",
                "在本店注册的执业药师证书。",
                source="government",
                upload=True,
            ),
            copy_of(
                "premises",
                "营业场所和仓库平面布置图及产权证明",
                "租赁的提供租赁合同。",
                source="applicant",
            ),
            document(
                "quality-documents",
                "质量管理文件目录",
                "按药品经营质量管理规范编制。",
                upload=True,
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 5),
            ("审查", 2),
            ("决定", 1),
            ("制证", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "药店必须配执业药师吗？",
                "经营处方药、甲类非处方药的零售企业应当配备执业药师；只经营乙类"
                "非处方药的，可以配备经考核合格的药学技术人员。",
            ),
        ),
    ),
    item(
        "device-class2-filing",
        "第二类医疗器械经营备案",
        "经营血压计、体温计、避孕套等第二类医疗器械的企业，向市级部门备案。",
        "10",
        "legal",
        ("food_drug",),
        basis=(
            (
                "医疗器械监督管理条例",
                "第四十一条",
                "从事第二类医疗器械经营的，由经营企业向所在地设区的市级人民政府"
                "负责药品监督管理的部门备案。",
            ),
            (
                "医疗器械经营监督管理办法",
                "（国家市场监督管理总局令第54号）",
                "备案资料符合要求的，当场予以备案；备案之日起3个月内进行现场检查。",
            ),
        ),
        conditions=(
            "有与经营范围和经营规模相适应的经营场所和贮存条件；",
            "有与经营的医疗器械相适应的质量管理制度和质量管理人员。",
        ),
        materials=(
            form(
                "filing-form",
                "第二类医疗器械经营备案表",
                COMPANY_FIELDS + ("经营场所", "库房地址", "经营方式", "质量负责人"),
                values={
                    "申请单位名称": "资阳市仁济大药房有限公司",
                    "库房地址": "资阳市雁江区建设北路166号负1楼",
                    "经营方式": "零售",
                    "质量负责人": "周雨桐",
                },
            ),
            copy_of(
                "staff-documents",
                "企业负责人和质量负责人的身份、学历或职称证明",
                "身份证和学历、职称证书复印件。",
                source="applicant",
                upload=True,
            ),
            copy_of(
                "premises",
                "经营场所和库房的产权证明或者租赁协议",
                "附地理位置图和平面图。",
                source="applicant",
                upload=True,
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=0,
        promised=0,
        depth="4",
        kind="immediate",
        priority="formal",
        faq=(
            (
                "药店已经有药品经营许可证，还要备案吗？",
                "需要。经营第二类医疗器械另行备案；但只经营规定目录内第二类"
                "医疗器械产品的，可以免于备案。",
            ),
        ),
    ),
)


# --- 自然资源和规划局 -----------------------------------------------------------

_LAND_VALUES = {
    "申请单位名称": "资阳市教育投资建设有限公司",
    "项目名称": "资阳市城东第二实验学校新建工程",
    "用地位置": "资阳市雁江区城东新区迎宾大道北侧",
    "用地面积（平方米）": "60021.5",
}
_LAND_FIELDS = COMPANY_FIELDS + tuple(list(_LAND_VALUES)[1:])

_ZRJ = (
    item(
        "site-selection",
        "建设项目用地预审与选址意见书核发",
        "建设项目批准、核准前或者备案前后，审查其用地事项并核发用地预审与选址意见书。",
        "01",
        "legal",
        ("land", "construction"),
        basis=(
            (
                "中华人民共和国城乡规划法",
                "第三十六条",
                "按照国家规定需要有关部门批准或者核准的建设项目，以划拨方式提供"
                "国有土地使用权的，建设单位在报送有关部门批准或者核准前，应当向"
                "城乡规划主管部门申请核发选址意见书。",
            ),
            (
                "中华人民共和国土地管理法",
                "第五十二条",
                "建设项目可行性研究论证时，自然资源主管部门可以根据土地利用总体"
                "规划、土地利用年度计划和建设用地标准，对建设用地有关事项进行审查，"
                "并提出意见。",
            ),
            (
                "中华人民共和国土地管理法实施条例",
                "第二十四条",
                "建设项目需要申请核发选址意见书的，应当合并办理建设项目用地预审与"
                "选址意见书。",
            ),
        ),
        conditions=(
            "项目符合国土空间规划和用途管制要求；",
            "符合供地政策和土地使用标准，节约集约用地；",
            "以划拨方式提供国有土地使用权且需要批准或者核准的项目申请选址意见书。",
        ),
        materials=(
            form(
                "application",
                "建设项目用地预审与选址申请表",
                _LAND_FIELDS + ("建设规模", "项目总投资（万元）"),
                values={
                    **_LAND_VALUES,
                    "建设规模": "72个班，总建筑面积约8.6万平方米",
                    "项目总投资（万元）": "46000",
                },
            ),
            copy_of(
                "project-basis",
                "项目建设依据",
                "项目建议书批复或者其他立项文件。",
            ),
            report(
                "boundary-map",
                "建设项目用地界址范围图",
                "在标准分幅土地利用现状图上标注拟用地范围，由测绘单位出具。",
            ),
            report(
                "siting-report",
                "项目选址论证报告",
                "占用永久基本农田或者位于城镇开发边界外的项目提供；可在审查前补交。",
                requirement="deferrable",
                upload=False,
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场勘验", 3),
            ("审查", 4),
            ("决定", 1),
            ("送达", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "用地预审意见有效期多长？",
                "有效期三年，自批准之日起计算；期满需要延续的，应当在期满前申请。",
            ),
        ),
    ),
    item(
        "land-use-planning",
        "建设用地规划许可证核发",
        "以划拨或者出让方式取得国有土地使用权的建设项目，核发建设用地规划许可证。",
        "01",
        "legal",
        ("land",),
        basis=(
            (
                "中华人民共和国城乡规划法",
                "第三十七条",
                "以划拨方式提供国有土地使用权的建设项目，经有关部门批准、核准、"
                "备案后，建设单位应当向城乡规划主管部门提出建设用地规划许可申请。",
            ),
            (
                "中华人民共和国城乡规划法",
                "第三十八条",
                "以出让方式取得国有土地使用权的建设项目，在签订国有土地使用权出让"
                "合同后，建设单位应当持建设项目的批准、核准、备案文件和出让合同，"
                "领取建设用地规划许可证。",
            ),
        ),
        conditions=(
            "划拨用地项目已经批准、核准或者备案，已取得用地预审与选址意见书；",
            "出让用地项目已签订国有建设用地使用权出让合同；",
            "用地符合控制性详细规划和规划条件。",
        ),
        materials=(
            form(
                "application",
                "建设用地规划许可申请表",
                _LAND_FIELDS + ("用地性质", "建设规模"),
                values={
                    **_LAND_VALUES,
                    "用地性质": "中小学用地（A33）",
                    "建设规模": "总建筑面积约8.6万平方米",
                },
            ),
            copy_of(
                "project-approval",
                "项目批准、核准或者备案文件",
                "已在在线平台共享的无需提交。",
            ),
            copy_of(
                "land-contract",
                "国有建设用地使用权出让合同或者划拨决定书",
                "加盖单位公章。",
                upload=True,
            ),
            report(
                "survey-map",
                "宗地界址图（勘测定界图）",
                "由测绘单位出具。",
            ),
        ),
        steps=(("受理", 1), ("审查", 2), ("决定", 1), ("制证", 1)),
        statutory=20,
        promised=5,
        depth="3",
        faq=(
            (
                "出让用地还要单独申请用地规划许可吗？",
                "签订出让合同后即可申请；本市已实行土地出让合同签订与用地规划许可"
                "同步办理。",
            ),
        ),
    ),
    item(
        "construction-planning",
        "建设工程规划许可证核发",
        "在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设，"
        "核发建设工程规划许可证。",
        "01",
        "both",
        ("construction", "land"),
        basis=(
            (
                "中华人民共和国城乡规划法",
                "第四十条",
                "在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，"
                "建设单位或者个人应当向城市、县人民政府城乡规划主管部门申请办理"
                "建设工程规划许可证。",
            ),
        ),
        conditions=(
            "已依法取得土地使用权或者建设用地规划许可证；",
            "建设工程设计方案符合控制性详细规划和规划条件；",
            "需要批前公示的，已完成公示。",
        ),
        materials=(
            form(
                "application",
                "建设工程规划许可申请表",
                _LAND_FIELDS[:6]
                + (
                    "项目名称",
                    "总建筑面积（平方米）",
                    "建筑层数",
                    "建筑高度（米）",
                    "设计单位",
                ),
                values={
                    **_LAND_VALUES,
                    "总建筑面积（平方米）": "86320",
                    "建筑层数": "地上5层，地下1层",
                    "建筑高度（米）": "23.9",
                    "设计单位": "四川蜀安工程设计有限公司",
                },
            ),
            copy_of(
                "land-title",
                "土地使用权证明",
                "不动产权证书或者建设用地规划许可证。",
            ),
            report(
                "design-scheme",
                "建设工程设计方案",
                "总平面图、各层平面图、立面图和剖面图，附电子报批文件。",
            ),
        ),
        steps=(("受理", 1), ("技术审查", 4), ("决定", 2), ("制证", 1)),
        statutory=20,
        promised=8,
        depth="3",
        priority="agency",
        note="设计方案批前公示期（7日）不计入办理时限。",
        faq=(
            (
                "设计方案要公示吗？",
                "涉及公共利益的项目，设计方案在批准前于现场和本大厅公示7日，"
                "公示期间的意见将作为审查参考。",
            ),
        ),
    ),
    item(
        "temporary-land-use",
        "临时用地审批",
        "建设项目施工和地质勘查需要临时使用国有土地或者农民集体所有的土地的，"
        "报自然资源部门批准。",
        "01",
        "legal",
        ("land", "construction"),
        basis=(
            (
                "中华人民共和国土地管理法",
                "第五十七条",
                "建设项目施工和地质勘查需要临时使用国有土地或者农民集体所有的土地"
                "的，由县级以上人民政府自然资源主管部门批准。",
            ),
            (
                "中华人民共和国土地管理法实施条例",
                "第二十条",
                "临时用地期限一般不超过二年；土地使用者应当自期满之日起一年内完成"
                "土地复垦。",
            ),
        ),
        conditions=(
            "确因建设项目施工或者地质勘查需要临时使用土地；",
            "已与土地权属单位签订临时使用土地合同；",
            "已编制土地复垦方案并落实复垦费用；",
            "城市规划区内的临时用地已经规划部门同意。",
        ),
        materials=(
            form(
                "application",
                "临时用地申请表",
                _LAND_FIELDS + ("用地期限", "用途", "土地权属单位"),
                values={
                    **_LAND_VALUES,
                    "申请单位名称": "四川雁城建设工程有限公司",
                    "项目名称": "成资快速通道改造工程施工便道及拌合站",
                    "用地位置": "资阳市雁江区保和镇",
                    "用地面积（平方米）": "12600",
                    "用地期限": "2024年4月至2025年9月",
                    "用途": "施工便道、材料堆场",
                    "土地权属单位": "保和镇某村股份经济合作社",
                },
            ),
            copy_of(
                "land-contract",
                "临时使用土地合同",
                "与土地权属单位签订。",
                source="applicant",
            ),
            report(
                "reclamation-plan",
                "土地复垦方案",
                "说明复垦措施、标准和费用。",
            ),
            report("survey-map", "勘测定界图", "由测绘单位出具。", upload=False),
        ),
        steps=(
            ("受理", 1),
            ("现场勘验", 3),
            ("审查", 3),
            ("决定", 2),
            ("送达", 1),
        ),
        statutory=20,
        promised=10,
        depth="2",
        faq=(
            (
                "临时用地上能建永久性建筑吗？",
                "不能。临时用地只能按批准的用途使用，不得修建永久性建筑物，期满后"
                "应当复垦并交还。",
            ),
        ),
    ),
    item(
        "land-split-transfer",
        "国有建设用地使用权和地上建筑物分割转让批准",
        "土地使用权和地上建筑物分割转让的，报自然资源部门批准后办理转移登记。",
        "01",
        "both",
        ("land",),
        basis=(
            (
                "城镇国有土地使用权出让和转让暂行条例",
                "第二十五条",
                "土地使用权和地上建筑物、其他附着物所有权分割转让的，应当经市、县"
                "人民政府土地管理部门和房产管理部门批准，并依照规定办理过户登记。",
            ),
        ),
        conditions=(
            "土地使用权已依法登记且权属无争议，未被查封或者设定不允许分割的限制；",
            "分割后的地块符合规划条件，具备独立使用功能；",
            "出让合同约定可以分割转让，或者经出让人同意。",
        ),
        materials=(
            form(
                "application",
                "土地使用权分割转让申请表",
                _LAND_FIELDS + ("不动产权证书号", "分割方案", "受让方"),
                values={
                    **_LAND_VALUES,
                    "申请单位名称": "资阳市川中机械制造有限公司",
                    "项目名称": "厂区东侧闲置厂房及用地分割转让",
                    "用地位置": "资阳高新技术产业园区机车大道",
                    "用地面积（平方米）": "8000",
                    "不动产权证书号": "川（2021）资阳市不动产权第0012345号",
                    "分割方案": "沿厂区东侧道路分割为两宗，东宗8000平方米转让",
                    "受让方": "资阳市精测检验检测技术有限公司",
                },
            ),
            copy_of("title", "不动产权证书", "原件现场核验。"),
            report("split-map", "分割方案及分割图", "由测绘单位出具。"),
        ),
        steps=(
            ("受理", 1),
            ("现场勘验", 2),
            ("审查", 4),
            ("决定", 2),
            ("送达", 1),
        ),
        statutory=20,
        promised=10,
        depth="2",
        faq=(
            (
                "批准后怎样办理登记？",
                "凭批准文件和分割测绘成果，由双方到不动产登记中心申请转移登记。",
            ),
        ),
    ),
    item(
        "land-dispute",
        "土地所有权和使用权争议裁决",
        "单位之间的土地所有权和使用权争议协商不成的，由市人民政府依法处理，"
        "自然资源和规划局承办调查和调解。",
        "09",
        "both",
        ("land",),
        basis=(
            (
                "中华人民共和国土地管理法",
                "第十四条",
                "土地所有权和使用权争议，由当事人协商解决；协商不成的，由人民政府"
                "处理。单位之间的争议，由县级以上人民政府处理；当事人对处理决定"
                "不服的，可以自接到处理决定通知之日起三十日内，向人民法院起诉。",
            ),
            (
                "土地权属争议调查处理办法",
                "（国土资源部令第17号）",
                "规定了争议的受理、调查、调解和处理决定程序。",
            ),
        ),
        conditions=(
            "申请人与争议的土地有直接利害关系；",
            "有明确的请求处理对象、具体的处理请求和事实根据；",
            "争议未经人民法院判决或者其他有权机关处理。",
        ),
        materials=(
            form(
                "application",
                "土地权属争议调查处理申请书",
                COMPANY_FIELDS
                + (
                    "被申请人",
                    "争议土地位置",
                    "争议土地面积（平方米）",
                    "请求事项及理由",
                ),
                values={
                    "申请单位名称": "资阳市雁江区保和镇某村股份经济合作社",
                    "被申请人": "资阳市雁江区保和镇某社区股份经济合作社",
                    "争议土地位置": "保和镇两村交界处原砖厂东侧",
                    "争议土地面积（平方米）": "3260",
                    "请求事项及理由": "请求确认争议土地所有权归申请人所有；依据为"
                    "1982年土地详查图件和历年承包合同。",
                },
            ),
            copy_of(
                "evidence",
                "土地权属来源证明",
                "土地证书、历史图件、合同和证人证言等。",
                source="applicant",
                upload=True,
            ),
            report(
                "dispute-map",
                "争议土地位置图",
                "标明争议范围和四至，可手绘后由测绘单位核实。",
                upload=False,
            ),
        ),
        steps=(
            ("受理", 5),
            ("现场勘验", 15),
            ("调解", 15),
            ("审查", 10),
            ("决定", 10),
            ("送达", 5),
        ),
        statutory=180,
        statutory_unit="calendar_days",
        promised=60,
        depth="2",
        faq=(
            (
                "一定要先找政府处理吗？",
                "土地所有权和使用权争议须先由人民政府处理，对处理决定不服的才能"
                "向人民法院起诉。",
            ),
            (
                "调解达成协议了还会出决定吗？",
                "调解达成协议的，制作调解书，经双方签字并加盖人民政府印章后生效，"
                "不再作出处理决定。",
            ),
        ),
    ),
)


# --- 道路运输管理处 -------------------------------------------------------------

_TRANSPORT_BASIS = (
    "中华人民共和国道路运输条例",
    "第二十四条",
    "收到申请的交通运输主管部门应当自受理申请之日起20日内审查完毕，作出许可"
    "或者不予许可的决定；予以许可的，颁发道路运输经营许可证，并向投入运输的"
    "车辆配发车辆营运证。",
)
_TRANSPORT_VALUES = {"申请单位名称": "资阳市通达物流有限公司"}

_YGC = (
    item(
        "dangerous-goods-transport",
        "道路危险货物运输经营许可",
        "从事道路危险货物运输经营的企业，向设区的市级交通运输主管部门申请许可。",
        "01",
        "legal",
        ("transport_logistics",),
        basis=(
            (
                "中华人民共和国道路运输条例",
                "第二十三条",
                "申请从事危险货物运输经营的，还应当有5辆以上经检测合格的危险货物"
                "运输专用车辆、设备，有考试合格取得上岗资格证的驾驶人员、装卸管理"
                "人员、押运人员，专用车辆配有必要的通讯工具，有健全的安全生产管理"
                "制度。",
            ),
            _TRANSPORT_BASIS,
            (
                "道路危险货物运输管理规定",
                "（交通运输部令）",
                "规定了危险货物运输经营许可的条件、申请材料和专用车辆管理。",
            ),
        ),
        conditions=(
            "有5辆以上经检测合格的危险货物运输专用车辆、设备；",
            "驾驶人员、装卸管理人员、押运人员取得相应从业资格；",
            "专用车辆配有必要的通讯工具和卫星定位装置；",
            "有符合要求的停车场地和健全的安全生产管理制度。",
        ),
        materials=(
            form(
                "application",
                "道路危险货物运输经营申请表",
                COMPANY_FIELDS
                + ("拟运输危险货物类别", "拟投入车辆数", "停车场地址", "安全负责人"),
                values={
                    **_TRANSPORT_VALUES,
                    "申请单位名称": "资阳市安运危险货物运输有限公司",
                    "拟运输危险货物类别": "第3类易燃液体（汽油、柴油）",
                    "拟投入车辆数": "8辆",
                    "停车场地址": "资阳市雁江区物流园区C区",
                    "安全负责人": "王建平",
                },
            ),
            commitment("vehicle-commitment", "拟投入车辆承诺书"),
            copy_of(
                "staff-certificates",
                "驾驶人员、装卸管理人员和押运人员从业资格证",
                "复印件加盖公章。",
                source="government",
                upload=True,
            ),
            copy_of(
                "parking",
                "停车场地产权证明或者租赁合同",
                "停车场地面积应满足车辆停放要求。",
                source="applicant",
            ),
            document(
                "safety-rules",
                "安全生产管理制度文本",
                "含安全生产责任制、安全生产教育培训、事故应急预案等。",
                upload=True,
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 4),
            ("审查", 3),
            ("决定", 1),
            ("制证", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "车辆还没买，可以先申请吗？",
                "可以。先提交拟投入车辆承诺书，取得许可后再按承诺购置车辆，"
                "车辆经核查合格后配发营运证。",
            ),
        ),
    ),
    item(
        "passenger-transport",
        "道路旅客运输经营许可（市际、县际）",
        "从事市际、县际道路旅客运输经营的，向设区的市级交通运输主管部门申请。",
        "01",
        "legal",
        ("transport_logistics",),
        basis=(
            (
                "中华人民共和国道路运输条例",
                "第八条",
                "申请从事客运经营的，应当有与其经营业务相适应并经检测合格的车辆，"
                "有符合规定条件的驾驶人员，有健全的安全生产管理制度。",
            ),
            (
                "中华人民共和国道路运输条例",
                "第十条",
                "从事省际、市际、县际（除毗邻县行政区域间外）客运经营的，向所在地"
                "设区的市级人民政府交通运输主管部门提出申请；应当自受理申请之日起"
                "20日内审查完毕。",
            ),
        ),
        conditions=(
            "有与经营业务相适应并经检测合格的客车；",
            "驾驶人员取得道路旅客运输从业资格，3年内无重大以上交通责任事故；",
            "有健全的安全生产管理制度。",
        ),
        materials=(
            form(
                "application",
                "道路旅客运输经营申请表",
                COMPANY_FIELDS + ("申请经营范围", "拟投入客车数", "拟开通线路"),
                values={
                    "申请单位名称": "资阳市雁城客运有限公司",
                    "申请经营范围": "市际班车客运",
                    "拟投入客车数": "6辆（中型高一级客车）",
                    "拟开通线路": "资阳—乐至—遂宁",
                },
            ),
            document(
                "feasibility",
                "可行性报告",
                "说明客流、线路和站点安排。",
                upload=True,
            ),
            commitment("vehicle-commitment", "拟投入车辆承诺书"),
            copy_of(
                "driver-certificates",
                "驾驶人员从业资格证",
                "复印件加盖公章。",
                source="government",
            ),
        ),
        steps=(
            ("受理", 1),
            ("征求意见", 3),
            ("审查", 5),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=20,
        promised=12,
        depth="2",
        faq=(
            (
                "跨市线路要和对方城市协商吗？",
                "需要。市际客运由本市与线路目的地的交通运输主管部门协商，协商时间"
                "计入承诺时限。",
            ),
        ),
    ),
    item(
        "freight-transport",
        "道路普通货物运输经营许可",
        "使用总质量4500千克以上的普通货运车辆从事货运经营的，申请道路运输经营许可。",
        "01",
        "both",
        ("transport_logistics",),
        basis=(
            (
                "中华人民共和国道路运输条例",
                "第二十一条",
                "申请从事货运经营的，应当有与其经营业务相适应并经检测合格的车辆，"
                "有符合规定条件的驾驶人员，有健全的安全生产管理制度。",
            ),
            _TRANSPORT_BASIS,
        ),
        conditions=(
            "有与经营业务相适应并经检测合格的车辆；",
            "驾驶人员取得道路货物运输从业资格；",
            "有健全的安全生产管理制度。",
        ),
        materials=(
            form(
                "application",
                "道路普通货物运输经营申请表",
                COMPANY_FIELDS + ("拟投入车辆数", "车辆类型"),
                values={
                    **_TRANSPORT_VALUES,
                    "拟投入车辆数": "12辆",
                    "车辆类型": "重型厢式货车、重型半挂牵引车",
                },
            ),
            copy_of(
                "vehicle-licences",
                "机动车行驶证",
                "拟投入车辆的行驶证。",
                source="government",
                upload=True,
            ),
            copy_of(
                "driver-certificates",
                "驾驶人员从业资格证",
                "已在部门间共享的无需提交。",
                requirement="optional",
            ),
            document(
                "safety-rules",
                "安全生产管理制度",
                "可在取证前补交。",
                requirement="deferrable",
            ),
        ),
        steps=(("受理", 1), ("审查", 2), ("决定", 1), ("制证", 1)),
        statutory=20,
        promised=5,
        depth="3",
        faq=(
            (
                "4.5吨以下的货车要办吗？",
                "使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需办理"
                "道路运输经营许可证和车辆营运证。",
            ),
        ),
    ),
    item(
        "vehicle-operation-certificate",
        "道路运输车辆营运证配发",
        "取得道路运输经营许可的经营者，为投入运输的车辆申领车辆营运证。",
        "01",
        "legal",
        ("transport_logistics",),
        basis=(
            _TRANSPORT_BASIS,
            (
                "中华人民共和国道路运输条例",
                "第三十三条",
                "道路运输车辆应当随车携带车辆营运证，不得转让、出租。",
            ),
        ),
        conditions=(
            "已取得道路运输经营许可证；",
            "车辆经综合性能检测合格，技术等级达到要求；",
            "重型载货汽车、半挂牵引车和客车已安装符合标准的卫星定位装置。",
        ),
        materials=(
            form(
                "application",
                "车辆营运证申请表",
                COMPANY_FIELDS[:2]
                + (
                    "道路运输经营许可证号",
                    "车牌号码",
                    "车辆类型",
                    "核定载质量或座位",
                    "联系电话",
                ),
                values={
                    **_TRANSPORT_VALUES,
                    "道路运输经营许可证号": "川交运管许可资字512002000123号",
                    "车牌号码": "川M·D1234",
                    "车辆类型": "重型厢式货车",
                    "核定载质量或座位": "18000千克",
                },
            ),
            copy_of(
                "vehicle-licence",
                "机动车行驶证",
                "原件现场核验。",
                upload=True,
            ),
            report(
                "performance-test",
                "车辆综合性能检测报告",
                "由综合性能检测机构出具。",
            ),
        ),
        steps=(("受理", 0), ("审核", 0), ("制证", 0)),
        statutory=0,
        promised=0,
        depth="3",
        kind="immediate",
        priority="repeated",
        faq=(
            (
                "车辆过户或报废后营运证怎么办？",
                "车辆转让、报废的，应当到窗口办理营运证注销；新增车辆另行申领。",
            ),
        ),
    ),
    item(
        "taxi-driver-qualification",
        "出租汽车驾驶员从业资格证核发",
        "从事巡游出租汽车或者网络预约出租汽车客运服务的驾驶员，经考试合格后"
        "申领从业资格证。",
        "01",
        "person",
        ("transport", "employment"),
        basis=(
            (
                "国务院对确需保留的行政审批项目设定行政许可的决定",
                "（国务院令第412号）",
                "将出租汽车经营资格证、车辆运营证和驾驶员客运资格证核发设定为"
                "行政许可项目。",
            ),
            (
                "出租汽车驾驶员从业资格管理规定",
                "（交通运输部令）",
                "申请人应当取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历，"
                "无交通肇事犯罪、危险驾驶犯罪、吸毒和饮酒后驾驶记录，最近连续3个"
                "记分周期内没有记满12分记录，无暴力犯罪记录，并经考试合格。",
            ),
        ),
        conditions=(
            "取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历；",
            "无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，"
            "最近连续3个记分周期内没有记满12分记录；",
            "无暴力犯罪记录；",
            "全国公共科目和区域科目考试合格。",
        ),
        materials=(
            form(
                "application",
                "出租汽车驾驶员从业资格证申请表",
                PERSON_FIELDS + ("准驾车型", "驾驶证初次领证日期", "考试合格日期"),
                values={
                    "准驾车型": "C1",
                    "驾驶证初次领证日期": "2012年7月20日",
                    "考试合格日期": "2024年3月9日",
                },
            ),
            id_card(),
            copy_of(
                "driving-licence",
                "机动车驾驶证",
                "原件现场核验，网上申请上传照片。",
                upload=True,
            ),
            material(
                "no-crime-record",
                "无犯罪记录证明",
                "窗口通过公安部门信息共享核查；无法核查的，可在领证前补交户籍地"
                "公安机关出具的证明。",
                requirement="deferrable",
                forms=("original",),
                source="government",
            ),
        ),
        steps=(("受理", 1), ("审核", 2), ("决定", 1), ("制证", 1)),
        statutory=10,
        promised=5,
        depth="3",
        faq=(
            (
                "网约车司机也要这个证吗？",
                "要。网约车驾驶员取得网络预约出租汽车驾驶员从业资格证，考试区域"
                "科目时选择网约车科目。",
            ),
        ),
    ),
    item(
        "ride-hailing",
        "网络预约出租汽车经营许可",
        "在本市从事网约车经营服务的平台企业，取得网络预约出租汽车经营许可证。",
        "01",
        "legal",
        ("transport_logistics", "establishment"),
        basis=(
            (
                "网络预约出租汽车经营服务管理暂行办法",
                "第五条",
                "申请从事网约车经营的，应当具备线上线下服务能力，具有企业法人资格，"
                "具备开展网约车经营的互联网平台和相应的信息数据交互及处理能力，"
                "使用电子支付，有健全的经营管理制度、安全生产管理制度和服务质量"
                "保障制度，在服务所在地有相应服务机构及服务能力。",
            ),
        ),
        conditions=(
            "具有企业法人资格；",
            "具备开展网约车经营的互联网平台和信息数据交互及处理能力，数据接入"
            "行业监管平台；",
            "使用电子支付；",
            "在本市有服务机构，有健全的经营管理、安全生产和服务质量保障制度。",
        ),
        materials=(
            form(
                "application",
                "网络预约出租汽车经营申请表",
                COMPANY_FIELDS + ("平台名称", "本地服务机构地址", "服务机构负责人"),
                values={
                    "申请单位名称": "四川快行网络科技有限公司",
                    "平台名称": "快行出行",
                    "本地服务机构地址": "资阳市雁江区建设北路166号5楼",
                    "服务机构负责人": "陈晓雨",
                },
            ),
            business_licence(upload=True),
            document(
                "platform-capability",
                "网络平台技术能力说明",
                "含服务器位置、数据接入监管平台情况和网络安全管理措施。",
                upload=True,
            ),
            document(
                "management-rules",
                "经营管理制度和安全生产管理制度",
                "含服务质量保障和乘客投诉处理制度。",
                upload=True,
            ),
        ),
        steps=(
            ("受理", 1),
            ("征求意见", 5),
            ("审查", 6),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=20,
        promised=15,
        depth="3",
        note="需要征求通信、公安、网信等部门意见的，承诺时限包含会商时间。",
        faq=(
            (
                "已在其他城市取得许可，还要在资阳申请吗？",
                "要。网约车平台在服务所在地设立服务机构并申请当地的经营许可。",
            ),
        ),
    ),
)


# --- 公安局 ---------------------------------------------------------------------

_PHOTO = material(
    "photo",
    "近期免冠彩色照片",
    "可在窗口免费现场拍摄，也可上传符合标准的数码照片回执。",
    requirement="optional",
    forms=("electronic",),
    originals=0,
)

_GAJ = (
    item(
        "id-card-renewal",
        "居民身份证换领",
        "居民身份证有效期满、姓名变更、严重损坏不能辨认或者登记项目有误的，"
        "申请换领新证。",
        "20",
        "person",
        ("identity",),
        basis=(
            (
                "中华人民共和国居民身份证法",
                "第十一条",
                "居民身份证有效期满、公民姓名变更或者证件严重损坏不能辨认的，公民"
                "应当换领新证；领取新证时，必须交回原证。",
            ),
            (
                "中华人民共和国居民身份证法",
                "第十二条",
                "公安机关应当自公民提交《居民身份证申领登记表》之日起六十日内发放"
                "居民身份证。",
            ),
        ),
        conditions=(
            "居民身份证有效期满或者即将期满（3个月内），或者姓名变更、证件严重"
            "损坏、登记项目有误；",
            "本市户籍居民，或者在本市居住的外地户籍居民（异地受理）。",
        ),
        materials=(
            material(
                "old-card",
                "原居民身份证",
                "领取新证时交回原证。",
                source="government",
            ),
            copy_of(
                "household-register",
                "居民户口簿",
                "登记项目变更或者未满16周岁的提供。",
                requirement="optional",
            ),
            _PHOTO,
        ),
        steps=(("受理", 1), ("审核", 2), ("制证", 10), ("送达", 1)),
        statutory=60,
        statutory_unit="calendar_days",
        promised=15,
        depth="2",
        forms=("window", "online", "express"),
        charges=(
            "《中华人民共和国居民身份证法》第二十条；《国家发展改革委 财政部关于"
            "第二代居民身份证收费标准等有关问题的通知》（发改价格〔2003〕2322号）",
            "换领、补领居民身份证每证20元；有效期满换领的，部分地区免收，以窗口"
            "公示为准。",
        ),
        faq=(
            (
                "可以邮寄到家吗？",
                "可以。受理时选择邮寄送达，制证完成后由邮政寄递，邮费由申请人承担。",
            ),
            (
                "换证期间需要证明身份怎么办？",
                "可以在受理时申请临时居民身份证，当场或者3日内领取。",
            ),
        ),
    ),
    item(
        "household-migration",
        "户口迁入登记",
        "因投靠亲属、购房、就业或者人才引进等原因，将户口迁入本市城区。",
        "07",
        "person",
        ("identity", "housing"),
        basis=(
            (
                "中华人民共和国户口登记条例",
                "第十条",
                "公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报"
                "迁出登记，领取迁移证件，注销户口。",
            ),
            (
                "中华人民共和国户口登记条例",
                "第十三条",
                "公民迁移，从到达迁入地的时候起，城市在三日以内，农村在十日以内，"
                "由本人或者户主持迁移证件向户口登记机关申报迁入登记。",
            ),
            (
                "国务院关于进一步推进户籍制度改革的意见",
                "（国发〔2014〕25号）",
                "全面放开建制镇和小城市落户限制，有序放开中等城市落户限制。",
            ),
        ),
        conditions=(
            "在本市城区有合法稳定住所（含租赁）；",
            "或者投靠本市户籍的配偶、父母、子女；",
            "或者属于在本市就业的人才和引进人才。",
        ),
        materials=(
            form(
                "application",
                "户口迁移申请表",
                PERSON_FIELDS + ("迁入原因", "迁入地址", "随迁人员", "原户籍地址"),
                values={
                    "迁入原因": "购买住房",
                    "迁入地址": "资阳市雁江区和平东路88号1栋2单元301室",
                    "随迁人员": "周雨桐（配偶）",
                    "原户籍地址": "四川省乐至县天池街道",
                },
            ),
            id_card(),
            copy_of(
                "residence-proof",
                "合法稳定住所证明",
                "不动产权证书、购房合同或者租赁合同。",
                source="applicant",
                upload=True,
            ),
            copy_of(
                "kinship-proof",
                "亲属关系证明",
                "投靠类提供结婚证、出生医学证明等。",
                requirement="optional",
            ),
        ),
        steps=(("受理", 1), ("审核", 2), ("决定", 1), ("送达", 1)),
        statutory=20,
        promised=5,
        depth="3",
        note="省内户口迁移实行“一站式”办理，无需回迁出地开具迁移证。",
        faq=(
            (
                "还要回老家开迁移证吗？",
                "不需要。本省范围内迁移由迁入地直接办理；跨省迁移已实行"
                "“跨省通办”，由迁入地网上联系迁出地办理。",
            ),
        ),
    ),
    item(
        "ordinary-passport",
        "普通护照签发",
        "中国公民因定居、探亲、学习、就业、旅行、商务等非公务原因出国，申请普通护照。",
        "01",
        "person",
        ("identity", "transport"),
        basis=(
            (
                "中华人民共和国护照法",
                "第五条",
                "公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务"
                "原因出国的，由本人向户籍所在地的县级以上地方人民政府公安机关出入境"
                "管理机构申请普通护照。",
            ),
            (
                "中华人民共和国护照法",
                "第六条",
                "公民申请普通护照，应当提交本人的居民身份证、户口簿、近期免冠照片"
                "以及申请事由的相关材料；公安机关出入境管理机构应当自收到申请材料"
                "之日起十五日内签发普通护照。",
            ),
        ),
        conditions=(
            "中国公民因非公务原因出国；",
            "不属于护照法规定不予签发的情形；",
            "登记备案的国家工作人员已按规定经本单位同意。",
        ),
        materials=(
            material(
                "id-card",
                "居民身份证",
                "本人到场，现场采集指纹和人像。",
                source="government",
            ),
            _PHOTO,
            copy_of(
                "employer-consent",
                "国家工作人员出国（境）证明",
                "登记备案的国家工作人员提供本单位出具的同意出境证明。",
                requirement="optional",
                source="other",
            ),
        ),
        steps=(("受理", 1), ("审核", 2), ("制证", 3), ("送达", 1)),
        statutory=15,
        statutory_unit="calendar_days",
        promised=7,
        depth="1",
        forms=("window",),
        place="资阳市公安局出入境接待大厅",
        charges=(
            "《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》"
            "（发改价格〔2019〕914号）",
            "普通护照每本120元。",
        ),
        faq=(
            (
                "可以在非户籍地办理吗？",
                "可以。普通护照已实行全国通办，持居民身份证即可在本市出入境窗口申请。",
            ),
        ),
    ),
    item(
        "hk-macao-permit",
        "往来港澳通行证及签注签发",
        "内地居民因私事前往香港、澳门，申请往来港澳通行证和相应签注。",
        "01",
        "person",
        ("identity", "transport"),
        basis=(
            (
                "中华人民共和国出境入境管理法",
                "第九条",
                "中国公民出境入境，应当依法申请办理护照或者其他旅行证件。",
            ),
            (
                "中国公民因私事往来香港地区或者澳门地区的暂行管理办法",
                "第三条",
                "内地公民因私事前往香港、澳门，凭我国公安机关签发的前往港澳通行证"
                "或者往来港澳通行证从指定的口岸通行。",
            ),
        ),
        conditions=(
            "内地居民因旅游、探亲、商务等私事前往香港、澳门；",
            "不属于法律规定不准出境的情形。",
        ),
        materials=(
            material(
                "id-card",
                "居民身份证",
                "本人到场，现场采集指纹和人像；未满16周岁的由监护人陪同。",
                source="government",
            ),
            _PHOTO,
        ),
        steps=(("受理", 1), ("审核", 1), ("制证", 2), ("送达", 1)),
        statutory=7,
        promised=5,
        depth="1",
        forms=("window",),
        place="资阳市公安局出入境接待大厅",
        charges=(
            "《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》"
            "（发改价格〔2019〕914号）",
            "往来港澳通行证每证60元；一次有效签注每件15元，二次有效签注每件30元。",
        ),
        faq=(
            (
                "再次签注也要到窗口吗？",
                "不用。持电子往来港澳通行证的，可以在自助签注机或者通过国家移民"
                "管理局政务服务平台办理再次签注。",
            ),
        ),
    ),
    item(
        "large-event-permit",
        "大型群众性活动安全许可",
        "预计参加人数在5000人以上的体育比赛、演唱会、展览展销等活动，由市公安"
        "局实施安全许可。",
        "01",
        "legal",
        ("culture_tourism",),
        basis=(
            (
                "大型群众性活动安全管理条例",
                "第十二条",
                "预计参加人数在5000人以上的，由活动所在地设区的市级人民政府公安机关"
                "实施安全许可。",
            ),
            (
                "大型群众性活动安全管理条例",
                "第十四条",
                "对受理的申请，应当自受理之日起7日内进行审查，对活动场所进行查验，"
                "作出许可或者不予许可的决定。",
            ),
        ),
        conditions=(
            "承办者在活动举办日的20日前提出申请；",
            "有安全工作方案和明确的安全责任人；",
            "活动场所、设施符合安全要求。",
        ),
        materials=(
            form(
                "application",
                "大型群众性活动安全许可申请表",
                COMPANY_FIELDS
                + ("活动名称", "活动时间", "活动场所", "预计参加人数", "安全责任人"),
                values={
                    "申请单位名称": "资阳市星辰文化传媒有限公司",
                    "活动名称": "2024资阳马拉松",
                    "活动时间": "2024年11月10日7:30—13:30",
                    "活动场所": "资阳市城市广场至九曲河湿地公园沿线",
                    "预计参加人数": "12000人",
                    "安全责任人": "王建平",
                },
            ),
            document(
                "safety-plan",
                "安全工作方案",
                "含安全保卫、消防、医疗救护、应急疏散和交通组织措施。",
                upload=True,
            ),
            copy_of(
                "venue-consent",
                "场所管理者同意提供场所的证明",
                "场所管理单位盖章。",
                source="other",
            ),
            copy_of(
                "other-approvals",
                "有关部门的批准文件",
                "依法需要其他部门批准的提供，可在许可决定前补交。",
                requirement="deferrable",
                source="government",
            ),
        ),
        steps=(("受理", 1), ("现场核查", 2), ("决定", 1), ("送达", 1)),
        statutory=7,
        promised=5,
        depth="2",
        faq=(
            (
                "5000人以下的活动找谁？",
                "预计参加人数在1000人以上5000人以下的，向活动所在地县级公安机关申请。",
            ),
        ),
    ),
)


# --- 民政局 ---------------------------------------------------------------------

_COUPLE_VALUES = {
    "男方姓名": SAMPLE_PERSON,
    "男方公民身份号码": SAMPLE_PERSON_ID,
    "女方姓名": SAMPLE_SPOUSE,
    "女方公民身份号码": SAMPLE_SPOUSE_ID,
}
_COUPLE_FIELDS = tuple(_COUPLE_VALUES)
_MARRIAGE_PLACE = "资阳市婚姻登记处（雁江区）"
_ORGANISATION_VALUES = {
    "申请单位名称": "资阳市雁城书画艺术研究会",
    "业务主管单位": "资阳市文学艺术界联合会",
    "住所": "资阳市雁江区建设北路166号6楼",
}

_MZJ = (
    item(
        "marriage-registration",
        "内地居民结婚登记",
        "要求结婚的男女双方亲自到婚姻登记机关申请结婚登记，领取结婚证。",
        "07",
        "person",
        ("marriage",),
        basis=(
            (
                "中华人民共和国民法典",
                "第一千零四十九条",
                "要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。符合本法"
                "规定的，予以登记，发给结婚证。完成结婚登记，即确立婚姻关系。",
            ),
            (
                "婚姻登记条例",
                "",
                "婚姻登记机关对当事人出具的证件、证明材料进行审查并询问相关情况，"
                "对符合结婚条件的，当场予以登记，发给结婚证。",
            ),
        ),
        conditions=(
            "男女双方完全自愿；",
            "男方年满22周岁，女方年满20周岁；",
            "双方均无配偶，且没有直系血亲和三代以内旁系血亲关系；",
            "双方共同亲自到婚姻登记机关申请。",
        ),
        materials=(
            id_card("男女双方", upload=False),
            form(
                "declaration",
                "申请结婚登记声明书",
                _COUPLE_FIELDS + ("婚姻状况声明", "登记机关"),
                explanation="双方在登记员面前签字，可提前下载阅读示范文本。",
                values={
                    **_COUPLE_VALUES,
                    "婚姻状况声明": "双方均无配偶，没有直系血亲和三代以内旁系血亲关系",
                    "登记机关": _MARRIAGE_PLACE,
                },
                upload=False,
            ),
            material(
                "photo",
                "双方近期半身免冠合影照片",
                "2寸红底合影照片3张；登记处可现场拍摄。",
                forms=("original",),
                originals=3,
            ),
        ),
        steps=(("受理", 0), ("审查", 0), ("登簿", 0), ("制证", 0)),
        statutory=0,
        promised=0,
        depth="1",
        kind="immediate",
        place=_MARRIAGE_PLACE,
        faq=(
            (
                "需要提前预约吗？",
                "建议在本大厅在线预约登记时段；“520”“七夕”等热门日子须提前预约。",
            ),
            (
                "一定要回户籍地登记吗？",
                "不需要。内地居民婚姻登记已实行全国通办，可以在任一婚姻登记机关办理。",
            ),
        ),
    ),
    item(
        "divorce-registration",
        "内地居民离婚登记",
        "夫妻双方自愿离婚并就子女抚养、财产和债务处理协商一致的，到婚姻登记"
        "机关申请离婚登记。",
        "07",
        "person",
        ("marriage",),
        basis=(
            (
                "中华人民共和国民法典",
                "第一千零七十六条",
                "夫妻双方自愿离婚的，应当签订书面离婚协议，并亲自到婚姻登记机关"
                "申请离婚登记。",
            ),
            (
                "中华人民共和国民法典",
                "第一千零七十七条",
                "自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚"
                "的，可以撤回离婚登记申请；期间届满后三十日内，双方应当亲自到婚姻"
                "登记机关申请发给离婚证。",
            ),
        ),
        conditions=(
            "双方自愿离婚，均具有完全民事行为能力；",
            "已签订书面离婚协议，对子女抚养、财产及债务处理协商一致；",
            "结婚登记在中国内地办理。",
        ),
        materials=(
            id_card("男女双方", upload=False),
            material(
                "marriage-certificate",
                "结婚证",
                "双方各自的结婚证原件。",
                originals=2,
                source="government",
            ),
            form(
                "agreement",
                "离婚协议书",
                _COUPLE_FIELDS + ("子女抚养", "财产分割", "债务处理"),
                explanation="一式三份，双方签字；内容应具体、可执行。",
                values={
                    **_COUPLE_VALUES,
                    "子女抚养": "婚生女李某某（8岁）由女方抚养，男方每月支付抚养费"
                    "2000元至其年满18周岁",
                    "财产分割": "和平东路88号住房归女方所有，女方补偿男方30万元",
                    "债务处理": "双方无共同债务",
                },
                upload=False,
            ),
        ),
        steps=(("受理", 0), ("审查", 0), ("决定", 1)),
        statutory=30,
        statutory_unit="calendar_days",
        promised=1,
        depth="1",
        visits=2,
        place=_MARRIAGE_PLACE,
        note="离婚冷静期30日不计入承诺时限；冷静期届满后30日内，双方持证件共同"
        "到场申请发给离婚证，符合条件的当场办结。",
        faq=(
            (
                "冷静期内反悔了怎么办？",
                "任何一方都可以在30日内到登记机关撤回离婚登记申请；期满后30日内"
                "双方未共同到场申请发证的，视为撤回申请。",
            ),
        ),
    ),
    item(
        "social-organisation",
        "社会团体成立登记",
        "学会、协会、研究会等社会团体经业务主管单位同意后，申请成立登记。",
        "01",
        "legal",
        ("establishment",),
        basis=(
            (
                "社会团体登记管理条例",
                "第九条",
                "申请成立社会团体，应当经其业务主管单位审查同意，由发起人向登记"
                "管理机关申请登记。",
            ),
            (
                "社会团体登记管理条例",
                "第十条",
                "成立社会团体应当有50个以上的个人会员或者30个以上的单位会员，有"
                "规范的名称和组织机构、固定的住所、专职工作人员，地方性的社会团体"
                "有3万元以上活动资金，能够独立承担民事责任。",
            ),
            (
                "社会团体登记管理条例",
                "第十二条",
                "登记管理机关应当自收到全部有效文件之日起60日内，作出准予或者不予"
                "登记的决定。",
            ),
        ),
        conditions=(
            "有50个以上个人会员或者30个以上单位会员（混合组成的总数不少于50个）；",
            "有规范的名称、相应的组织机构和固定的住所；",
            "有与其业务活动相适应的专职工作人员；",
            "有3万元以上活动资金和合法的经费来源。",
        ),
        materials=(
            form(
                "application",
                "社会团体法人登记申请表",
                COMPANY_FIELDS[:1]
                + (
                    "业务主管单位",
                    "住所",
                    "活动资金（万元）",
                    "会员数量",
                    "拟任负责人",
                    "联系电话",
                ),
                values={
                    **_ORGANISATION_VALUES,
                    "活动资金（万元）": "5",
                    "会员数量": "个人会员86名",
                    "拟任负责人": "王建平（会长）",
                },
            ),
            copy_of(
                "sponsor-approval",
                "业务主管单位的批准文件",
                "业务主管单位同意成立的文件。",
            ),
            report(
                "capital-proof",
                "验资报告和住所使用权证明",
                "会计师事务所出具的验资报告，住所的产权或者使用证明。",
                upload=False,
            ),
            document(
                "charter",
                "章程草案",
                "按照社会团体章程示范文本起草，经会员大会通过。",
                upload=True,
            ),
        ),
        steps=(("受理", 1), ("审查", 10), ("决定", 7), ("制证", 2)),
        statutory=60,
        statutory_unit="calendar_days",
        promised=20,
        depth="3",
        faq=(
            (
                "可以先开展活动再登记吗？",
                "不可以。社会团体应当经登记后方可开展活动，未经登记以社会团体名义"
                "开展活动的属于非法社会组织。",
            ),
        ),
    ),
    item(
        "private-non-enterprise",
        "民办非企业单位（社会服务机构）成立登记",
        "利用非国有资产举办的非营利性社会服务机构，经业务主管单位同意后申请成立登记。",
        "01",
        "legal",
        ("establishment", "elderly"),
        basis=(
            (
                "民办非企业单位登记管理暂行条例",
                "第三条",
                "成立民办非企业单位，应当经其业务主管单位审查同意，并依照本条例的"
                "规定登记。",
            ),
            (
                "民办非企业单位登记管理暂行条例",
                "第八条",
                "申请登记应当经业务主管单位审查同意，有规范的名称、必要的组织机构，"
                "有与其业务活动相适应的从业人员、合法财产和必要的场所。",
            ),
            (
                "民办非企业单位登记管理暂行条例",
                "第十一条",
                "登记管理机关应当自收到成立登记申请的全部有效文件之日起60日内作出"
                "准予登记或者不予登记的决定。",
            ),
        ),
        conditions=(
            "经业务主管单位审查同意；",
            "有规范的名称、必要的组织机构；",
            "有与其业务活动相适应的从业人员、合法财产和必要的场所。",
        ),
        materials=(
            form(
                "application",
                "民办非企业单位（法人）登记申请表",
                COMPANY_FIELDS[:1]
                + (
                    "业务主管单位",
                    "住所",
                    "开办资金（万元）",
                    "业务范围",
                    "拟任负责人",
                    "联系电话",
                ),
                values={
                    **_ORGANISATION_VALUES,
                    "申请单位名称": "资阳市雁江区康乐居家养老服务中心",
                    "业务主管单位": "资阳市民政局",
                    "开办资金（万元）": "10",
                    "业务范围": "居家养老上门服务、老年人日间照料、助餐服务",
                    "拟任负责人": "王建平（理事长）",
                },
            ),
            copy_of(
                "sponsor-approval",
                "业务主管单位的批准文件",
                "业务主管单位同意成立的文件。",
            ),
            report(
                "capital-proof",
                "验资报告和场所使用权证明",
                "会计师事务所出具的验资报告，场所产权或者租赁证明。",
                upload=False,
            ),
            document("charter", "章程草案", "按照章程示范文本起草。", upload=True),
        ),
        steps=(("受理", 1), ("审查", 10), ("决定", 7), ("制证", 2)),
        statutory=60,
        statutory_unit="calendar_days",
        promised=20,
        depth="3",
        faq=(
            (
                "社会服务机构能分红吗？",
                "不能。社会服务机构是非营利性法人，收益只能用于章程规定的公益"
                "事业，不得向举办者分配。",
            ),
        ),
    ),
    item(
        "elderly-care-filing",
        "养老机构备案",
        "养老机构依法登记后即可开展服务，并向民政部门备案。",
        "10",
        "legal",
        ("elderly",),
        basis=(
            (
                "中华人民共和国老年人权益保障法",
                "第四十三条",
                "设立公益性养老机构，应当依法办理相应的登记；设立经营性养老机构，"
                "应当在市场监督管理部门办理登记。养老机构登记后即可开展服务活动，"
                "并向县级以上人民政府民政部门备案。",
            ),
            (
                "养老机构管理办法",
                "（民政部令第66号）",
                "养老机构应当在收住老年人后10个工作日以内向民政部门备案。",
            ),
        ),
        conditions=(
            "已依法办理登记，取得营业执照或者民办非企业单位登记证书；",
            "服务场所符合消防、建筑、卫生等安全要求。",
        ),
        materials=(
            form(
                "filing-form",
                "养老机构备案书",
                COMPANY_FIELDS + ("服务场所地址", "床位数", "服务范围"),
                values={
                    "申请单位名称": "资阳市雁江区康乐居家养老服务中心",
                    "服务场所地址": "资阳市雁江区建设北路166号1—3楼",
                    "床位数": "80张",
                    "服务范围": "全日集中住宿和照料护理",
                },
            ),
            commitment("commitment", "养老机构备案承诺书"),
            copy_of(
                "premises",
                "服务场所产权证明或者租赁合同",
                "租赁的租期应当不少于5年。",
                source="applicant",
                upload=True,
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=0,
        promised=0,
        depth="4",
        kind="immediate",
        priority="formal",
        faq=(
            (
                "备案后民政部门会来检查吗？",
                "会。民政部门自备案之日起20个工作日内对养老机构进行现场检查，"
                "并核实备案信息。",
            ),
        ),
    ),
)


# --- 人力资源和社会保障局 -------------------------------------------------------

_RSJ = (
    item(
        "social-security-card",
        "社会保障卡申领",
        "参保人员申领第三代社会保障卡，用于就医结算、待遇领取和身份凭证。",
        "20",
        "person",
        ("social_security",),
        basis=(
            (
                "中华人民共和国社会保险法",
                "第五十八条",
                "国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。",
            ),
        ),
        conditions=(
            "在本市参加社会保险，或者在本市居住需要申领社会保障卡的人员；",
            "首次申领，或者申领第三代社会保障卡。",
        ),
        materials=(
            id_card(),
            material(
                "photo",
                "数码照片",
                "白底证件照，可用手机拍摄后上传，系统自动检测是否合格。",
                forms=("electronic",),
                originals=0,
                upload=True,
            ),
            copy_of(
                "guardian-id",
                "监护人居民身份证",
                "未满16周岁的申领人由监护人代办时提供。",
                requirement="optional",
            ),
        ),
        steps=(("受理", 1), ("审核", 2), ("制证", 6), ("送达", 1)),
        statutory=20,
        promised=10,
        depth="4",
        faq=(
            (
                "首次申领要交钱吗？",
                "首次申领免费，邮寄到家的邮费由社保部门承担；遗失补办按规定收取"
                "工本费。",
            ),
            (
                "没领到实体卡前能先用吗？",
                "可以。申领后即可在“掌上12333”领取电子社保卡，用于就医结算和业务办理。",
            ),
        ),
    ),
    item(
        "unemployment-benefit",
        "失业保险金申领",
        "符合条件的失业人员申领失业保险金，失业期间同时享受基本医疗保险待遇。",
        "05",
        "person",
        ("social_security", "employment"),
        basis=(
            (
                "中华人民共和国社会保险法",
                "第四十五条",
                "失业人员失业前用人单位和本人已经缴纳失业保险费满一年，非因本人"
                "意愿中断就业，已经进行失业登记并有求职要求的，从失业保险基金中"
                "领取失业保险金。",
            ),
            (
                "失业保险条例",
                "第十四条",
                "具备条件的失业人员，可以领取失业保险金。",
            ),
        ),
        conditions=(
            "失业前用人单位和本人已经缴纳失业保险费满1年；",
            "非因本人意愿中断就业；",
            "已经进行失业登记，并有求职要求。",
        ),
        materials=(
            id_card(),
            report(
                "termination-proof",
                "解除或者终止劳动关系证明",
                "由原用人单位出具；单位已在系统中报送的无需上传。",
            ),
            copy_of(
                "bank-account",
                "本人社会保障卡或者银行账户信息",
                "用于发放失业保险金。",
                requirement="optional",
                source="applicant",
            ),
        ),
        steps=(("受理", 1), ("审核", 1), ("决定", 1)),
        statutory=10,
        promised=3,
        depth="4",
        faq=(
            (
                "能领多久？",
                "累计缴费满1年不足5年的，最长领取12个月；满5年不足10年的，最长"
                "18个月；10年以上的，最长24个月。",
            ),
        ),
    ),
    item(
        "employment-card",
        "就业创业证申领",
        "劳动者办理就业登记、失业登记后申领《就业创业证》，享受就业创业扶持政策。",
        "20",
        "person",
        ("employment",),
        basis=(
            (
                "就业服务与就业管理规定",
                "（劳动和社会保障部令第28号）",
                "公共就业服务机构为劳动者免费办理就业登记、失业登记，登记信息记载"
                "于《就业创业证》。",
            ),
        ),
        conditions=(
            "在法定劳动年龄内、有劳动能力和就业要求；",
            "在本市就业、失业或者创业的城乡劳动者。",
        ),
        materials=(
            id_card(),
            form(
                "application",
                "就业创业证申领登记表",
                PERSON_FIELDS + ("文化程度", "就业状态", "就业创业意向"),
                values={
                    "文化程度": "大学本科",
                    "就业状态": "失业（2024年2月29日解除劳动合同）",
                    "就业创业意向": "机械设计相关岗位，或在本市开办小型加工企业",
                },
            ),
        ),
        steps=(("受理", 0), ("审核", 0), ("制证", 0)),
        statutory=0,
        promised=0,
        depth="4",
        kind="immediate",
        faq=(
            (
                "电子证和纸质证一样吗？",
                "一样。电子《就业创业证》与纸质证具有同等效力，可在线下载。",
            ),
        ),
    ),
    item(
        "retirement-pension",
        "职工基本养老保险待遇申领",
        "参保职工达到法定退休年龄且累计缴费满规定年限的，申领按月领取的基本养老金。",
        "05",
        "person",
        ("elderly", "social_security"),
        basis=(
            (
                "中华人民共和国社会保险法",
                "第十六条",
                "参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，"
                "按月领取基本养老金。",
            ),
        ),
        conditions=(
            "达到法定退休年龄（实行渐进式延迟退休后按本人对应年龄）；",
            "累计缴费年限达到规定的最低缴费年限；",
            "已由参保单位或者本人申报退休。",
        ),
        materials=(
            form(
                "application",
                "职工基本养老保险待遇申领表",
                PERSON_FIELDS
                + (
                    "参保单位",
                    "参加工作时间",
                    "累计缴费年限",
                    "退休时间",
                    "待遇发放银行",
                ),
                values={
                    "姓名": "赵国强",
                    "公民身份号码": identity_number("512002", "19640715", "031"),
                    "参保单位": "资阳市川中机械制造有限公司",
                    "参加工作时间": "1984年9月",
                    "累计缴费年限": "39年6个月",
                    "退休时间": "2024年7月",
                    "待遇发放银行": "中国工商银行资阳分行（社会保障卡金融账户）",
                },
            ),
            id_card(upload=False),
            report(
                "personnel-file",
                "本人人事档案",
                "由单位或者档案保管机构提供，用于核定出生时间和视同缴费年限。",
                upload=False,
            ),
        ),
        steps=(("受理", 1), ("审核", 4), ("复审", 3), ("决定", 1), ("送达", 1)),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "缴费不满15年怎么办？",
                "可以延长缴费至满15年；也可以申请转入城乡居民基本养老保险，按规定"
                "享受相应待遇。",
            ),
        ),
    ),
    item(
        "hr-service-licence",
        "人力资源服务许可",
        "经营性人力资源服务机构从事职业中介活动，取得人力资源服务许可证。",
        "01",
        "legal",
        ("qualification", "employment"),
        basis=(
            (
                "人力资源市场暂行条例",
                "第十八条",
                "经营性人力资源服务机构从事职业中介活动的，应当依法向人力资源社会"
                "保障行政部门申请行政许可，取得人力资源服务许可证。",
            ),
            (
                "人力资源市场暂行条例",
                "第十九条",
                "人力资源社会保障行政部门应当自收到申请之日起20日内依法作出行政"
                "许可决定。",
            ),
            (
                "中华人民共和国就业促进法",
                "第四十条",
                "设立职业中介机构应当有明确的章程和管理制度，有开展业务必备的固定"
                "场所、办公设施和一定数额的开办资金，有一定数量具备相应职业资格的"
                "专职工作人员。",
            ),
        ),
        conditions=(
            "有明确的章程和管理制度；",
            "有开展业务必备的固定场所、办公设施和一定数额的开办资金；",
            "有一定数量具备相应职业资格的专职工作人员。",
        ),
        materials=(
            form(
                "application",
                "人力资源服务许可申请表",
                COMPANY_FIELDS + ("服务场所", "服务范围", "专职工作人员数"),
                values={
                    "申请单位名称": "资阳市才聚人力资源服务有限公司",
                    "服务场所": "资阳市雁江区建设北路166号4楼",
                    "服务范围": "职业介绍、职业指导、人才供求信息收集发布",
                    "专职工作人员数": "6人",
                },
            ),
            business_licence(),
            copy_of(
                "premises",
                "服务场所产权证明或者租赁合同",
                "租期不少于1年。",
                source="applicant",
            ),
            document(
                "rules",
                "章程和管理制度",
                "含服务流程、收费标准、信息发布审查和投诉处理制度。",
                upload=True,
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 3),
            ("审查", 3),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "只做人力资源外包要许可吗？",
                "不从事职业中介活动的，开展人力资源服务外包等业务实行备案，不需要"
                "许可。",
            ),
        ),
    ),
    item(
        "labour-dispatch",
        "劳务派遣经营许可",
        "经营劳务派遣业务的企业，取得劳务派遣经营许可证。",
        "01",
        "legal",
        ("qualification", "employment"),
        basis=(
            (
                "中华人民共和国劳动合同法",
                "第五十七条",
                "经营劳务派遣业务，注册资本不得少于人民币二百万元，有与开展业务"
                "相适应的固定的经营场所和设施，有符合法律、行政法规规定的劳务派遣"
                "管理制度，并应当向劳动行政部门依法申请行政许可。",
            ),
            (
                "劳务派遣行政许可实施办法",
                "（人力资源和社会保障部令第19号）",
                "许可机关应当自受理之日起20个工作日内作出是否准予行政许可的决定。",
            ),
        ),
        conditions=(
            "注册资本不少于人民币200万元；",
            "有与开展业务相适应的固定经营场所和设施；",
            "有符合法律、行政法规规定的劳务派遣管理制度。",
        ),
        materials=(
            form(
                "application",
                "劳务派遣经营许可申请书",
                COMPANY_FIELDS + ("注册资本（万元）", "经营场所"),
                values={
                    "申请单位名称": "资阳市才聚人力资源服务有限公司",
                    "注册资本（万元）": "300",
                    "经营场所": "资阳市雁江区建设北路166号4楼",
                },
            ),
            business_licence(),
            document(
                "dispatch-rules",
                "劳务派遣管理制度",
                "含劳动合同、劳动报酬、社会保险、工作时间和休息休假等内容。",
                upload=True,
            ),
            copy_of(
                "premises",
                "经营场所使用证明",
                "产权证明或者租赁合同。",
                source="applicant",
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 3),
            ("审查", 3),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "许可证有效期多长？",
                "有效期3年；期满需要延续的，应当在有效期届满60日前申请。",
            ),
        ),
    ),
    item(
        "work-injury",
        "工伤认定",
        "职工因工作原因受到事故伤害或者患职业病的，由社会保险行政部门认定是否"
        "属于工伤。",
        "07",
        "both",
        ("social_security",),
        basis=(
            (
                "工伤保险条例",
                "第十七条",
                "职工发生事故伤害或者被诊断、鉴定为职业病，所在单位应当自发生之日"
                "起30日内提出工伤认定申请；用人单位未提出的，工伤职工或者其近亲属、"
                "工会组织可以在1年内直接提出。",
            ),
            (
                "工伤保险条例",
                "第二十条",
                "社会保险行政部门应当自受理工伤认定申请之日起60日内作出工伤认定的"
                "决定。",
            ),
        ),
        conditions=(
            "属于工伤保险条例第十四条、第十五条规定的情形；",
            "在规定时限内提出申请：用人单位30日内，职工或者近亲属1年内。",
        ),
        materials=(
            form(
                "application",
                "工伤认定申请表",
                (
                    "职工姓名",
                    "公民身份号码",
                    "用人单位",
                    "事故时间",
                    "事故地点",
                    "受伤部位",
                    "事故经过",
                ),
                values={
                    "职工姓名": SAMPLE_PERSON,
                    "用人单位": "资阳市川中机械制造有限公司",
                    "事故时间": "2024年3月5日10时20分",
                    "事故地点": "公司二号车间数控加工区",
                    "受伤部位": "左手食指",
                    "事故经过": "在更换刀具时被机床夹具夹伤左手食指，当即送资阳市"
                    "第一人民医院救治。",
                },
            ),
            copy_of(
                "labour-relation",
                "劳动关系证明",
                "劳动合同、工资流水或者社保缴费记录。",
                source="applicant",
                upload=True,
            ),
            report(
                "medical-diagnosis",
                "医疗诊断证明书或者职业病诊断证明书",
                "由救治医院或者职业病诊断机构出具。",
            ),
            id_card(upload=False),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 10),
            ("审核", 10),
            ("决定", 8),
            ("送达", 1),
        ),
        statutory=60,
        statutory_unit="calendar_days",
        promised=30,
        depth="2",
        faq=(
            (
                "上下班途中受伤算工伤吗？",
                "在上下班途中，受到非本人主要责任的交通事故或者城市轨道交通、客运"
                "轮渡、火车事故伤害的，应当认定为工伤。",
            ),
        ),
    ),
)


# --- 市场监督管理局 -------------------------------------------------------------

_REGISTRATION_BASIS = (
    "中华人民共和国市场主体登记管理条例",
    "第十九条",
    "登记机关应当对申请材料进行形式审查。对申请材料齐全、符合法定形式的予以"
    "确认并当场登记。不能当场登记的，应当在3个工作日内予以登记。",
)
_COMPANY_VALUES = {
    "企业名称": "资阳市雁创科技有限公司",
    "住所": "资阳市雁江区建设北路166号7楼",
    "法定代表人": "王建平",
    "注册资本（万元）": "100",
    "经营范围": "软件开发；信息技术咨询服务；计算机系统服务",
}

_SCJ = (
    item(
        "company-establishment",
        "有限责任公司设立登记",
        "设立有限责任公司，经登记取得营业执照后方可以公司名义从事经营活动。",
        "01",
        "legal",
        ("establishment",),
        basis=(
            (
                "中华人民共和国公司法",
                "第二十九条",
                "设立公司，应当依法向公司登记机关申请设立登记。",
            ),
            (
                "中华人民共和国市场主体登记管理条例",
                "第三条",
                "市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事"
                "经营活动。",
            ),
            _REGISTRATION_BASIS,
        ),
        conditions=(
            "企业名称符合名称登记管理规定；",
            "股东共同制定公司章程，认缴出资额符合章程规定；",
            "有公司名称、住所和符合有限责任公司要求的组织机构。",
        ),
        materials=(
            form(
                "application",
                "公司登记（备案）申请书",
                tuple(_COMPANY_VALUES) + ("股东及出资额", "联系人", "联系电话"),
                values={
                    **_COMPANY_VALUES,
                    "股东及出资额": "王建平认缴60万元；陈晓雨认缴40万元",
                },
            ),
            document(
                "articles",
                "公司章程",
                "可使用大厅提供的章程参考格式，全体股东签字。",
                upload=True,
            ),
            copy_of(
                "shareholder-ids",
                "股东主体资格证明或者自然人身份证件",
                "通过实名认证在线签字的无需另交。",
                source="applicant",
                upload=True,
            ),
            commitment("residence-commitment", "住所（经营场所）信息申报承诺书"),
        ),
        steps=(("受理", 0), ("审核", 1), ("制证", 0)),
        statutory=3,
        promised=1,
        depth="4",
        forms=("window", "online", "mobile", "express"),
        faq=(
            (
                "营业执照可以寄给我吗？",
                "可以。全程电子化登记的，可以领取电子营业执照，需要纸质执照的可以"
                "选择免费邮寄。",
            ),
            (
                "开办企业一共要多久？",
                "设立登记、公章刻制、发票和税控设备申领、社保和公积金登记在本大厅"
                "“企业开办”专区一网通办，1个工作日内全部办结。",
            ),
        ),
    ),
    item(
        "company-change",
        "企业变更登记",
        "企业名称、住所、法定代表人、注册资本、经营范围等登记事项发生变更的，"
        "申请变更登记。",
        "01",
        "legal",
        ("establishment",),
        basis=(
            (
                "中华人民共和国市场主体登记管理条例",
                "第二十四条",
                "市场主体变更登记事项，应当自作出变更决议、决定或者法定变更事项"
                "发生之日起30日内向登记机关申请变更登记。",
            ),
            _REGISTRATION_BASIS,
        ),
        conditions=(
            "已作出变更决议或者决定，或者发生法定变更事项；",
            "自决议、决定作出之日起30日内申请。",
        ),
        materials=(
            form(
                "application",
                "公司变更登记申请书",
                (
                    "企业名称",
                    "统一社会信用代码",
                    "变更事项",
                    "原登记内容",
                    "变更后内容",
                    "联系电话",
                ),
                values={
                    **_COMPANY_VALUES,
                    "统一社会信用代码": SAMPLE_COMPANY_CODE,
                    "变更事项": "住所",
                    "原登记内容": "资阳市雁江区建设北路166号7楼",
                    "变更后内容": "资阳高新技术产业园区创新中心B座12楼",
                },
            ),
            document(
                "resolution",
                "变更决议或者决定",
                "股东会决议或者股东决定。",
                upload=True,
            ),
            document(
                "amended-articles",
                "修改后的公司章程或者章程修正案",
                "变更事项涉及章程的提供。",
                requirement="optional",
            ),
        ),
        steps=(("受理", 0), ("审核", 1), ("制证", 0)),
        statutory=3,
        promised=1,
        depth="3",
        faq=(
            (
                "变更住所到外地怎么办？",
                "迁往本市以外的，向迁入地登记机关申请变更登记，由其办理档案迁移。",
            ),
        ),
    ),
    item(
        "company-deregistration",
        "企业注销登记",
        "企业因解散、被宣告破产等事由终止的，申请注销登记；符合条件的可以简易注销。",
        "01",
        "legal",
        ("cancellation",),
        basis=(
            (
                "中华人民共和国市场主体登记管理条例",
                "第三十一条",
                "市场主体因解散、被宣告破产或者其他法定事由需要终止的，应当依法向"
                "登记机关申请注销登记。经登记机关注销登记，市场主体终止。",
            ),
            (
                "中华人民共和国市场主体登记管理条例",
                "第三十三条",
                "市场主体未发生债权债务或者已将债权债务清偿完结，并由全体投资人"
                "书面承诺的，可以按照简易程序办理注销登记。",
            ),
        ),
        conditions=(
            "已依法完成清算，或者符合简易注销条件；",
            "已结清职工工资、社会保险费用、法定补偿金和应缴税款；",
            "不存在被吊销、查封或者正在立案调查等不能注销的情形。",
        ),
        materials=(
            form(
                "application",
                "注销登记申请书",
                (
                    "企业名称",
                    "统一社会信用代码",
                    "注销原因",
                    "注销方式",
                    "清算组负责人",
                    "联系电话",
                ),
                values={
                    **_COMPANY_VALUES,
                    "统一社会信用代码": SAMPLE_COMPANY_CODE,
                    "注销原因": "股东会决议解散",
                    "注销方式": "简易注销",
                    "清算组负责人": "王建平",
                },
            ),
            document(
                "liquidation",
                "清算报告或者全体投资人承诺书",
                "简易注销提交全体投资人承诺书，普通注销提交经确认的清算报告。",
                upload=True,
            ),
            material(
                "licence-original",
                "营业执照正、副本",
                "交回原件；遗失的在国家企业信用信息公示系统公告作废。",
                originals=2,
                source="government",
            ),
        ),
        steps=(("受理", 0), ("审核", 1), ("制证", 0)),
        statutory=3,
        promised=1,
        depth="4",
        faq=(
            (
                "简易注销要公示吗？",
                "要。在国家企业信用信息公示系统公示20日，公示期满无异议的即可申请"
                "注销登记。",
            ),
        ),
    ),
    item(
        "individual-business",
        "个体工商户设立登记",
        "有经营能力的公民从事工商业经营，登记为个体工商户。",
        "01",
        "person",
        ("employment",),
        basis=(
            (
                "促进个体工商户发展条例",
                "第二条",
                "有经营能力的公民在中华人民共和国境内从事工商业经营，依法登记为"
                "个体工商户的，适用本条例。",
            ),
            _REGISTRATION_BASIS,
        ),
        conditions=(
            "有经营能力的公民；",
            "有固定的经营场所；",
            "经营范围不属于法律、行政法规禁止个人经营的项目。",
        ),
        materials=(
            form(
                "application",
                "个体工商户登记（备案）申请书",
                (
                    "经营者姓名",
                    "公民身份号码",
                    "个体工商户名称",
                    "经营场所",
                    "组成形式",
                    "经营范围",
                    "联系电话",
                ),
                values={
                    "经营者姓名": SAMPLE_SPOUSE,
                    "公民身份号码": SAMPLE_SPOUSE_ID,
                    "个体工商户名称": "雁江区雨桐花艺工作室",
                    "组成形式": "个人经营",
                    "经营范围": "花卉零售；礼品花卉销售",
                },
            ),
            id_card("经营者"),
            copy_of(
                "premises",
                "经营场所使用证明",
                "房屋产权证明或者租赁合同；可以改用住所申报承诺。",
                source="applicant",
                requirement="optional",
            ),
        ),
        steps=(("受理", 0), ("审核", 0), ("制证", 0)),
        statutory=3,
        promised=0,
        depth="4",
        kind="immediate",
        faq=(
            (
                "个体户可以没有字号吗？",
                "可以。个体工商户可以不使用名称，执照上以经营者姓名登记。",
            ),
        ),
    ),
    item(
        "farmer-cooperative",
        "农民专业合作社设立登记",
        "同类农产品的生产经营者或者同类农业服务的提供者、利用者自愿联合，设立"
        "农民专业合作社。",
        "01",
        "legal",
        ("establishment",),
        basis=(
            (
                "中华人民共和国农民专业合作社法",
                "第十六条",
                "设立农民专业合作社，应当向登记机关提交登记申请书、全体设立人签名"
                "盖章的设立大会纪要、章程、法定代表人和理事的任职文件及身份证明、"
                "出资清单、住所使用证明等文件，申请设立登记。",
            ),
            _REGISTRATION_BASIS,
        ),
        conditions=(
            "有5名以上符合规定的成员，其中农民至少占成员总数的80%；",
            "有符合规定的章程、组织机构和住所；",
            "有符合章程规定的成员出资。",
        ),
        materials=(
            form(
                "application",
                "农民专业合作社登记（备案）申请书",
                (
                    "合作社名称",
                    "住所",
                    "法定代表人",
                    "成员出资总额（万元）",
                    "成员人数",
                    "业务范围",
                    "联系电话",
                ),
                values={
                    "合作社名称": "资阳市雁江区柠香柠檬种植专业合作社",
                    "住所": "资阳市雁江区临江镇某村3组",
                    "法定代表人": "赵国强",
                    "成员出资总额（万元）": "50",
                    "成员人数": "28人（农民成员27人）",
                    "业务范围": "柠檬种植、收购、销售及技术培训",
                },
            ),
            document(
                "founding-minutes",
                "设立大会纪要和章程",
                "全体设立人签名。",
                upload=True,
            ),
            document(
                "members",
                "成员名册和出资清单",
                "附成员身份证明。",
                upload=True,
            ),
        ),
        steps=(("受理", 0), ("审核", 1), ("制证", 0)),
        statutory=3,
        promised=1,
        depth="3",
        faq=(
            (
                "合作社要交注册资本吗？",
                "合作社登记成员出资总额，出资可以是货币，也可以是土地经营权等"
                "可以用货币估价并依法转让的非货币财产。",
            ),
        ),
    ),
)


# --- 交通运输局 -----------------------------------------------------------------

_ROAD_VALUES = {
    "申请单位名称": "资阳市燃气管网建设有限公司",
    "项目名称": "城东片区中压燃气管道穿越G318线工程",
    "涉及公路及桩号": "G318线K2312+450至K2312+470",
}

_JTJ = (
    item(
        "oversize-transport",
        "公路超限运输许可",
        "载运不可解体物品的车货总体超过公路限定标准，确需在本市公路上行驶的，"
        "申请超限运输许可。",
        "01",
        "both",
        ("transport_logistics",),
        basis=(
            (
                "中华人民共和国公路法",
                "第五十条",
                "超过公路或者公路桥梁限载标准确需行驶的，必须经县级以上地方人民"
                "政府交通主管部门批准，并按要求采取有效的防护措施。",
            ),
            (
                "公路安全保护条例",
                "第三十五条",
                "车辆载运不可解体物品，车货总体的外廓尺寸或者总质量超过公路、公路"
                "桥梁、公路隧道的限载、限高、限宽、限长标准，确需行驶的，应当向"
                "公路管理机构申请公路超限运输许可。",
            ),
            (
                "公路安全保护条例",
                "第三十六条",
                "在设区的市范围内跨区、县进行超限运输的，向设区的市公路管理机构"
                "提出申请，由其受理并审批。",
            ),
        ),
        conditions=(
            "载运的是不可解体物品；",
            "车货总体外廓尺寸或者总质量超过限定标准；",
            "运输路线在本市范围内跨区、县。",
        ),
        materials=(
            form(
                "application",
                "公路超限运输申请表",
                COMPANY_FIELDS[:2]
                + (
                    "货物名称",
                    "货物重量（吨）",
                    "车货总体外廓尺寸",
                    "车牌号码",
                    "通行路线",
                    "通行时间",
                ),
                values={
                    "申请单位名称": "资阳市通达物流有限公司",
                    "货物名称": "变压器（不可解体）",
                    "货物重量（吨）": "52",
                    "车货总体外廓尺寸": "长18.5米×宽3.3米×高4.2米",
                    "车牌号码": "川M·D1234（牵引车）、川M·Z567挂",
                    "通行路线": "资阳高新区—G318—乐至县220千伏变电站",
                    "通行时间": "2024年4月12日22:00至4月13日6:00",
                },
            ),
            copy_of(
                "vehicle-documents",
                "车辆行驶证和道路运输证",
                "牵引车和挂车的证件。",
                upload=True,
            ),
            document(
                "cargo-photos",
                "货物照片和车货外廓尺寸示意图",
                "标明长、宽、高和轴荷分布。",
                upload=True,
            ),
            document(
                "escort-plan",
                "护送方案",
                "需要护送的大件运输提供，可在通行前补交。",
                requirement="deferrable",
            ),
        ),
        steps=(("受理", 0), ("审查", 1), ("决定", 1)),
        statutory=5,
        promised=2,
        depth="4",
        priority="repeated",
        faq=(
            (
                "同一批货多次运输能一次申请吗？",
                "同一车辆在相同路线上多次运输同类货物的，可以申请一定期限内多次"
                "有效的许可。",
            ),
        ),
    ),
    item(
        "road-works",
        "涉路施工许可",
        "跨越、穿越公路或者在公路用地范围内架设、埋设管线等涉路施工活动，施工"
        "前取得许可。",
        "01",
        "legal",
        ("construction", "transport_logistics"),
        basis=(
            (
                "中华人民共和国公路法",
                "第四十五条",
                "跨越、穿越公路修建桥梁、渡槽或者架设、埋设管线等设施的，以及在"
                "公路用地范围内架设、埋设管线、电缆等设施的，应当事先经有关交通"
                "主管部门同意。",
            ),
            (
                "公路安全保护条例",
                "第二十七条",
                "进行跨越、穿越公路修建桥梁、渡槽或者架设、埋设管道、电缆等设施"
                "等涉路施工活动，建设单位应当向公路管理机构提出申请。",
            ),
            (
                "公路安全保护条例",
                "第二十八条",
                "申请时应当提交符合技术标准的设计和施工方案、保障公路安全的技术"
                "评价报告、处置施工险情和意外事故的方案。",
            ),
        ),
        conditions=(
            "涉路工程设施符合公路工程技术标准；",
            "有保障公路及其附属设施质量和安全的技术评价报告；",
            "有处置施工险情和意外事故的方案、保障正常通行的交通组织方案。",
        ),
        materials=(
            form(
                "application",
                "涉路施工许可申请书",
                COMPANY_FIELDS + tuple(list(_ROAD_VALUES)[1:]) + ("施工期限",),
                values={**_ROAD_VALUES, "施工期限": "2024年5月10日至5月30日"},
            ),
            report(
                "design-plan",
                "设计和施工方案",
                "由设计单位出具，说明穿越方式、埋深和施工工艺。",
            ),
            report(
                "safety-evaluation",
                "保障公路安全的技术评价报告",
                "由具备能力的技术单位出具。",
            ),
            document(
                "traffic-plan",
                "交通组织和应急处置方案",
                "含施工期间的交通疏导和险情处置措施。",
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场勘验", 3),
            ("审查", 4),
            ("决定", 1),
            ("送达", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "影响交通安全的还要找交警吗？",
                "要。涉路施工影响交通安全的，还须征得公安机关交通管理部门同意，"
                "本大厅可一次受理、同步办理。",
            ),
        ),
    ),
    item(
        "roadside-sign",
        "在公路用地范围内设置非公路标志许可",
        "在公路用地范围内设置广告牌、指路牌等非公路标志，须经交通运输部门批准。",
        "01",
        "legal",
        ("production",),
        basis=(
            (
                "中华人民共和国公路法",
                "第五十四条",
                "任何单位和个人未经县级以上地方人民政府交通主管部门批准，不得在"
                "公路用地范围内设置公路标志以外的其他标志。",
            ),
        ),
        conditions=(
            "标志设置位置不影响公路安全和行车视距，不遮挡公路标志；",
            "标志结构安全；",
            "符合公路用地范围内标志设置规划。",
        ),
        materials=(
            form(
                "application",
                "非公路标志设置申请表",
                COMPANY_FIELDS + ("设置地点及桩号", "标志类型", "规格尺寸", "设置期限"),
                values={
                    "申请单位名称": "资阳市雁城悦居酒店管理有限公司",
                    "设置地点及桩号": "G318线K2315+200右侧",
                    "标志类型": "单立柱指路标志",
                    "规格尺寸": "3米×1.5米，净空高度5.5米",
                    "设置期限": "2024年5月至2027年4月",
                },
            ),
            document(
                "design",
                "标志设计图和效果图",
                "标明尺寸、材质和版面内容。",
                upload=True,
            ),
            report(
                "structure-calculation",
                "结构安全计算书",
                "由设计单位出具。",
                upload=False,
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场勘验", 2),
            ("审查", 2),
            ("决定", 1),
            ("送达", 1),
        ),
        statutory=20,
        promised=7,
        depth="3",
        faq=(
            (
                "许可到期后怎么办？",
                "期满需要继续设置的，应当在期满前30日申请延续；不再设置的应当自行"
                "拆除。",
            ),
        ),
    ),
)


# --- 生态环境局 -----------------------------------------------------------------

_EIA_BASIS = (
    (
        "中华人民共和国环境影响评价法",
        "第十六条",
        "国家根据建设项目对环境的影响程度，对建设项目的环境影响评价实行分类"
        "管理：可能造成重大环境影响的编制环境影响报告书，可能造成轻度环境影响的"
        "编制环境影响报告表。",
    ),
    (
        "中华人民共和国环境影响评价法",
        "第二十二条",
        "审批部门应当自收到环境影响报告书之日起六十日内，收到环境影响报告表之日"
        "起三十日内，分别作出审批决定并书面通知建设单位。",
    ),
    (
        "建设项目环境保护管理条例",
        "第九条",
        "建设项目的环境影响评价文件未依法经审批部门审查或者审查后未予批准的，"
        "建设单位不得开工建设。",
    ),
)
_EIA_CONDITIONS = (
    "项目类型及其选址、布局、规模符合环境保护法律法规和相关法定规划；",
    "所在区域环境质量满足标准，或者拟采取的措施能满足区域环境质量改善目标；",
    "采取的污染防治措施能确保污染物排放达到国家和地方排放标准；",
    "按规定开展了信息公开和公众参与。",
)
_EIA_VALUES = {
    "申请单位名称": "资阳市川中机械制造有限公司",
    "项目名称": "年产5万台套汽车零部件生产线技术改造项目",
    "建设地点": "资阳高新技术产业园区机车大道",
    "行业类别": "汽车零部件及配件制造",
    "总投资（万元）": "12800",
    "环保投资（万元）": "380",
    "评价单位": "四川清源环境科技有限公司",
}
_EIA_FIELDS = COMPANY_FIELDS + tuple(list(_EIA_VALUES)[1:])

_STJ = (
    item(
        "eia-report",
        "建设项目环境影响报告书审批",
        "可能造成重大环境影响的建设项目，开工前报批环境影响报告书。",
        "01",
        "legal",
        ("environment", "construction"),
        basis=_EIA_BASIS,
        conditions=_EIA_CONDITIONS,
        materials=(
            form(
                "application",
                "建设项目环境影响评价文件审批申请表",
                _EIA_FIELDS,
                values={**_EIA_VALUES, "项目名称": "资阳市城东污水处理厂三期扩建工程"},
            ),
            report(
                "eia-report",
                "环境影响报告书（报批版）",
                "由评价单位编制，附删除涉及国家秘密和商业秘密内容的公开版本。",
            ),
            document(
                "public-participation",
                "公众参与说明",
                "说明征求意见的方式、过程和意见采纳情况。",
                upload=True,
            ),
        ),
        steps=(
            ("受理", 1),
            ("技术审查", 10),
            ("审查", 5),
            ("决定", 3),
            ("送达", 1),
        ),
        statutory=60,
        statutory_unit="calendar_days",
        promised=20,
        depth="3",
        note="受理和拟批准公示时间（各5个工作日）、技术评估时间不计入办理时限。",
        faq=(
            (
                "怎么判断编报告书还是报告表？",
                "对照《建设项目环境影响评价分类管理名录》确定；不确定的可以在线"
                "咨询，窗口会一次性告知。",
            ),
        ),
    ),
    item(
        "eia-table",
        "建设项目环境影响报告表审批",
        "可能造成轻度环境影响的建设项目，开工前报批环境影响报告表。",
        "01",
        "legal",
        ("environment", "construction"),
        basis=_EIA_BASIS,
        conditions=_EIA_CONDITIONS,
        materials=(
            form(
                "application",
                "建设项目环境影响评价文件审批申请表",
                _EIA_FIELDS,
                values=_EIA_VALUES,
            ),
            report(
                "eia-table",
                "环境影响报告表（报批版）",
                "由评价单位编制，附公开版本。",
            ),
        ),
        steps=(
            ("受理", 1),
            ("技术审查", 4),
            ("审查", 3),
            ("决定", 1),
            ("送达", 1),
        ),
        statutory=30,
        statutory_unit="calendar_days",
        promised=10,
        depth="3",
        priority="agency",
        faq=(
            (
                "可以委托评价单位代为提交吗？",
                "可以。评价单位凭授权委托书在线提交，批复文件可以邮寄或者下载"
                "电子批文。",
            ),
        ),
    ),
    item(
        "pollutant-permit",
        "排污许可证核发",
        "实行排污许可重点管理或者简化管理的排污单位，排放污染物前取得排污许可证。",
        "01",
        "legal",
        ("environment", "production"),
        basis=(
            (
                "排污许可管理条例",
                "第二条",
                "依照法律规定实行排污许可管理的企业事业单位和其他生产经营者，应当"
                "申请取得排污许可证；未取得排污许可证的，不得排放污染物。",
            ),
            (
                "排污许可管理条例",
                "第十二条",
                "对实行排污许可简化管理的排污单位，审批部门应当自受理申请之日起"
                "20日内作出审批决定；实行重点管理的，30日内作出审批决定。",
            ),
        ),
        conditions=(
            "依法取得建设项目环境影响评价文件批复，或者已办理环境影响登记表备案；",
            "污染物排放符合排放标准，重点污染物排放符合总量控制要求；",
            "污染防治设施可以达到许可排放浓度要求；",
            "自行监测方案符合国家自行监测规范。",
        ),
        materials=(
            material(
                "platform-application",
                "排污许可证申请表",
                "在全国排污许可证管理信息平台在线填报，无需另交纸质材料。",
                forms=("electronic",),
                originals=0,
                upload=True,
            ),
            commitment("commitment", "排污许可证申请承诺书"),
            copy_of(
                "eia-approval",
                "环境影响评价文件批复或者登记表备案回执",
                "已在系统中关联的无需上传。",
                requirement="optional",
            ),
            document(
                "monitoring-plan",
                "自行监测方案",
                "写明监测点位、指标和频次。",
                upload=True,
            ),
        ),
        steps=(("受理", 1), ("审查", 5), ("决定", 2), ("制证", 1)),
        statutory=20,
        promised=9,
        depth="4",
        faq=(
            (
                "排污许可证有效期多长？",
                "有效期5年；期满继续排污的，应当在期满60日前申请延续。",
            ),
        ),
    ),
    item(
        "hazardous-waste",
        "危险废物经营许可证核发（初审）",
        "从事收集、贮存、利用、处置危险废物经营活动的单位申请经营许可证，市局"
        "受理初审后报省生态环境厅审批。",
        "01",
        "legal",
        ("environment", "qualification"),
        basis=(
            (
                "中华人民共和国固体废物污染环境防治法",
                "第八十条",
                "从事收集、贮存、利用、处置危险废物经营活动的单位，应当按照国家"
                "有关规定申请取得许可证。",
            ),
            (
                "危险废物经营许可证管理办法",
                "第五条",
                "申请领取危险废物收集、贮存、处置综合经营许可证，应当有相应专业"
                "技术人员、运输工具、包装工具、贮存设施和处置设施，有保证危险废物"
                "经营安全的规章制度、污染防治措施和事故应急救援措施。",
            ),
        ),
        conditions=(
            "有3名以上环境工程专业或者相关专业中级以上职称，并有3年以上固体废物"
            "污染治理经历的技术人员；",
            "有符合要求的运输工具、包装工具和经验收合格的贮存、处置设施；",
            "有保证经营安全的规章制度、污染防治措施和事故应急救援措施。",
        ),
        materials=(
            form(
                "application",
                "危险废物经营许可证申请书",
                COMPANY_FIELDS + ("经营方式", "危险废物类别", "年经营规模（吨）"),
                values={
                    "申请单位名称": "资阳市绿洁环保科技有限公司",
                    "经营方式": "收集、贮存、利用",
                    "危险废物类别": "HW08废矿物油与含矿物油废物",
                    "年经营规模（吨）": "5000",
                },
            ),
            copy_of(
                "technical-staff",
                "专业技术人员职称证明和工作经历证明",
                "3名以上技术人员的证书复印件。",
                source="applicant",
            ),
            copy_of(
                "facility-acceptance",
                "贮存、处置设施的环保验收文件",
                "含环评批复和竣工环境保护验收意见。",
                upload=True,
            ),
            document(
                "safety-rules",
                "经营安全规章制度和事故应急预案",
                "含污染防治措施。",
                upload=True,
            ),
        ),
        steps=(("受理", 1), ("现场核查", 4), ("初审", 2), ("上报", 1)),
        statutory=20,
        promised=15,
        depth="2",
        priority="upward",
        note="市局初审后报四川省生态环境厅审批，承诺时限含省厅审批时间；专家评审"
        "和现场核查时间不计入。",
        faq=(
            (
                "只收集废矿物油的小微企业怎么办？",
                "可以申请危险废物收集经营许可证，条件和材料相对简化。",
            ),
        ),
    ),
)


# --- 教育局 ---------------------------------------------------------------------

_JYJ = (
    item(
        "teacher-qualification",
        "教师资格认定（高级中学、中等职业学校）",
        "通过中小学教师资格考试的人员，申请认定高级中学或者中等职业学校教师资格。",
        "01",
        "person",
        ("education", "employment"),
        basis=(
            (
                "中华人民共和国教师法",
                "第十条",
                "国家实行教师资格制度。",
            ),
            (
                "中华人民共和国教师法",
                "第十三条",
                "中小学教师资格由县级以上地方人民政府教育行政部门认定。",
            ),
            (
                "教师资格条例",
                "第十三条",
                "高级中学教师资格，由申请人户籍所在地或者任教学校所在地的县级人民"
                "政府教育行政部门审查后，报上一级教育行政部门认定。",
            ),
        ),
        conditions=(
            "遵守宪法和法律，热爱教育事业，具有良好的思想品德；",
            "具备大学本科及以上学历；",
            "通过中小学教师资格考试，取得考试合格证明；",
            "普通话水平达到二级乙等以上，体检合格。",
        ),
        materials=(
            form(
                "application",
                "教师资格认定申请表",
                PERSON_FIELDS
                + (
                    "申请资格种类",
                    "任教学科",
                    "最高学历",
                    "普通话等级",
                    "考试合格证明编号",
                ),
                values={
                    "姓名": SAMPLE_SPOUSE,
                    "性别": "女",
                    "公民身份号码": SAMPLE_SPOUSE_ID,
                    "申请资格种类": "高级中学教师资格",
                    "任教学科": "数学",
                    "最高学历": "大学本科（理学学士）",
                    "普通话等级": "二级甲等",
                    "考试合格证明编号": "2024512000310098",
                },
            ),
            id_card(),
            report(
                "health-check",
                "体检合格证明",
                "在指定医院按教师资格体检标准体检。",
                upload=False,
            ),
            copy_of(
                "mandarin",
                "普通话水平测试等级证书",
                "能在线核验的无需提交。",
                requirement="optional",
                source="other",
            ),
        ),
        steps=(("受理", 1), ("审查", 8), ("复审", 6), ("决定", 4), ("制证", 1)),
        statutory=30,
        statutory_unit="calendar_days",
        promised=20,
        depth="3",
        priority="upward",
        note="按教育部门公布的春季、秋季受理期集中受理，受理期结束后开始计算办理时限。",
        faq=(
            (
                "户籍不在资阳能申请吗？",
                "可以在户籍所在地、居住证所在地或者任教学校所在地申请认定。",
            ),
        ),
    ),
    item(
        "private-school",
        "民办学校办学许可（实施中等及以下学历教育）",
        "举办实施学历教育的民办学校，筹设完成后申请正式设立，取得办学许可证。",
        "01",
        "legal",
        ("education", "establishment"),
        basis=(
            (
                "中华人民共和国民办教育促进法",
                "第十二条",
                "举办实施学历教育、学前教育、自学考试助学及其他文化教育的民办学校，"
                "由县级以上人民政府教育行政部门按照国家规定的权限审批。",
            ),
            (
                "中华人民共和国民办教育促进法",
                "第十七条",
                "申请正式设立民办学校的，审批机关应当自受理之日起三个月内以书面"
                "形式作出是否批准的决定。",
            ),
            (
                "中华人民共和国民办教育促进法实施条例",
                "第十八条",
                "申请正式设立实施学历教育的民办学校，审批机关受理申请后，应当组织"
                "专家委员会评议。",
            ),
        ),
        conditions=(
            "举办者具备法定资格，已取得筹设批准书（直接申请正式设立的除外）；",
            "有规范的学校名称、章程和决策机构；",
            "有与办学规模相适应的校舍、场地、设施设备和合格教师；",
            "有必备的办学资金和稳定的经费来源。",
        ),
        materials=(
            form(
                "application",
                "民办学校正式设立申请书",
                COMPANY_FIELDS + ("学校名称", "办学层次", "办学规模", "校址"),
                values={
                    "申请单位名称": "资阳市博雅教育发展有限公司",
                    "学校名称": "资阳博雅实验中学",
                    "办学层次": "初级中学",
                    "办学规模": "24个班，1200人",
                    "校址": "资阳市雁江区城东新区迎宾大道北侧",
                },
            ),
            copy_of(
                "preparation-approval",
                "筹设批准书",
                "教育行政部门出具。",
            ),
            document(
                "charter",
                "学校章程和首届决策机构组成人员名单",
                "决策机构由举办者代表、校长和教职工代表等组成。",
                upload=True,
            ),
            copy_of(
                "assets",
                "学校资产的有效证明",
                "土地和校舍的产权证明、验资报告。",
                source="other",
            ),
            copy_of(
                "staff",
                "校长、教师和财会人员的资格证明",
                "学历证书、教师资格证书和会计人员资格证明。",
                source="applicant",
            ),
        ),
        steps=(
            ("受理", 1),
            ("专家评审", 15),
            ("现场核查", 10),
            ("审查", 8),
            ("决定", 5),
            ("制证", 1),
        ),
        statutory=90,
        statutory_unit="calendar_days",
        promised=40,
        depth="2",
        faq=(
            (
                "义务教育阶段还能新办民办学校吗？",
                "义务教育阶段民办学校的设立须符合本市教育发展规划和学位供给要求，"
                "申请前请先咨询。",
            ),
        ),
    ),
    item(
        "school-bus",
        "校车使用许可",
        "学校或者校车服务提供者使用校车，取得校车使用许可和校车标牌。",
        "01",
        "legal",
        ("education", "transport"),
        basis=(
            (
                "校车安全管理条例",
                "第十四条",
                "使用校车应当依照本条例的规定取得许可。",
            ),
            (
                "校车安全管理条例",
                "第十五条",
                "学校或者校车服务提供者申请取得校车使用许可，应当向县级或者设区的"
                "市级人民政府教育行政部门提交书面申请和证明其符合条件的材料；教育"
                "行政部门征求公安机关交通管理部门、交通运输部门意见后报本级人民"
                "政府决定。",
            ),
        ),
        conditions=(
            "车辆符合校车安全国家标准，取得机动车检验合格证明并已注册登记；",
            "有取得校车驾驶资格的驾驶人；",
            "有包括行驶线路、开行时间和停靠站点的合理可行的校车运行方案；",
            "有健全的安全管理制度，已投保机动车承运人责任保险。",
        ),
        materials=(
            form(
                "application",
                "校车使用许可申请表",
                COMPANY_FIELDS[:1]
                + (
                    "车牌号码",
                    "核定载人数",
                    "校车驾驶人",
                    "行驶线路",
                    "开行时间",
                    "停靠站点",
                ),
                values={
                    "申请单位名称": "资阳市雁江区保和镇中心小学",
                    "车牌号码": "川M·X0088",
                    "核定载人数": "41人",
                    "校车驾驶人": "赵国强",
                    "行驶线路": "保和镇场镇—某村—学校",
                    "开行时间": "上学日7:10—7:50，16:30—17:10",
                    "停靠站点": "场镇客运站、村委会、学校校门",
                },
            ),
            copy_of(
                "vehicle-documents",
                "机动车行驶证和安全技术检验合格证明",
                "原件现场核验。",
                upload=True,
            ),
            copy_of(
                "driver-licence",
                "校车驾驶人驾驶证",
                "已取得校车驾驶资格。",
            ),
            document(
                "operation-plan",
                "校车运行方案",
                "线路图、开行时间和停靠站点。",
                upload=True,
            ),
            copy_of(
                "insurance",
                "承运人责任保险单",
                "保险期间覆盖许可期限。",
                source="other",
            ),
        ),
        steps=(("受理", 1), ("征求意见", 6), ("审查", 4), ("决定", 1)),
        statutory=20,
        promised=12,
        depth="2",
        faq=(
            (
                "校车标牌有效期多长？",
                "校车标牌有效期最长不超过校车报废期限，许可期满需要继续使用的，"
                "应当重新申请。",
            ),
        ),
    ),
)


# --- 税务局 ---------------------------------------------------------------------

_SWJ = (
    item(
        "invoice-issuance",
        "发票领用",
        "已办理税务信息确认的纳税人申请领用发票，数电发票按授信额度自动赋额。",
        "10",
        "both",
        ("taxation",),
        basis=(
            (
                "中华人民共和国税收征收管理法",
                "第二十一条",
                "税务机关是发票的主管机关，负责发票印制、领购、开具、取得、保管、"
                "缴销的管理和监督。",
            ),
            (
                "中华人民共和国发票管理办法",
                "第十五条",
                "需要领用发票的单位和个人，应当持设立登记证件或者税务登记证件，以及"
                "经办人身份证明，向主管税务机关办理发票领用手续；主管税务机关在5个"
                "工作日内确认领用发票的种类、数量以及领用方式。",
            ),
        ),
        conditions=(
            "已办理设立登记和税务信息确认；",
            "法定代表人、财务负责人和办税人员已完成实名认证；",
            "领用纸质发票的，已刻制发票专用章。",
        ),
        materials=(
            id_card("经办人"),
            material(
                "invoice-seal",
                "发票专用章印模",
                "仅领用纸质发票的需要提供。",
                requirement="optional",
                forms=("original",),
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=5,
        promised=0,
        depth="4",
        kind="immediate",
        priority="repeated",
        faq=(
            (
                "数电发票额度不够用怎么办？",
                "可以在电子税务局申请调整授信额度，税务机关根据纳税信用和经营情况"
                "确认。",
            ),
        ),
    ),
    item(
        "general-taxpayer",
        "增值税一般纳税人登记",
        "年应税销售额超过规定标准的纳税人办理一般纳税人登记；未超过标准但会计"
        "核算健全的可以自愿登记。",
        "10",
        "legal",
        ("taxation",),
        basis=(
            (
                "增值税一般纳税人登记管理办法",
                "（国家税务总局令第43号）",
                "增值税纳税人年应税销售额超过规定标准的，应当向主管税务机关办理"
                "一般纳税人登记；未超过标准但会计核算健全、能够提供准确税务资料的，"
                "可以办理登记。",
            ),
        ),
        conditions=(
            "年应征增值税销售额超过500万元；",
            "或者会计核算健全、能够提供准确税务资料的小规模纳税人自愿申请。",
        ),
        materials=(
            form(
                "registration-form",
                "增值税一般纳税人登记表",
                COMPANY_FIELDS[:3]
                + ("纳税人类别", "主营业务类别", "会计核算是否健全", "生效之日"),
                values={
                    "申请单位名称": "资阳市雁创科技有限公司",
                    "纳税人类别": "企业",
                    "主营业务类别": "服务业",
                    "会计核算是否健全": "是",
                    "生效之日": "2024年4月1日",
                },
            ),
            id_card("经办人"),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=0,
        promised=0,
        depth="4",
        kind="immediate",
        priority="formal",
        faq=(
            (
                "登记后还能转回小规模纳税人吗？",
                "除国家另有规定外，一经登记为一般纳税人，不得转为小规模纳税人。",
            ),
        ),
    ),
    item(
        "individual-income-tax",
        "个人所得税综合所得年度汇算",
        "居民个人取得工资薪金、劳务报酬等综合所得，需要补税或者申请退税的，在"
        "次年3月1日至6月30日办理年度汇算。",
        "20",
        "person",
        ("taxation",),
        basis=(
            (
                "中华人民共和国个人所得税法",
                "第十一条",
                "居民个人取得综合所得，按年计算个人所得税；需要办理汇算清缴的，"
                "应当在取得所得的次年三月一日至六月三十日内办理汇算清缴。",
            ),
        ),
        conditions=(
            "已预缴税额大于年度应纳税额且申请退税；",
            "或者综合所得收入超过12万元且需要补税金额超过400元。",
        ),
        materials=(
            id_card("纳税人", requirement="optional", upload=False),
            material(
                "deduction-records",
                "专项附加扣除有关资料",
                "子女教育、住房贷款利息等扣除的相关资料由纳税人留存备查，无需提交。",
                requirement="optional",
                forms=("electronic",),
                originals=0,
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=0,
        promised=0,
        depth="4",
        kind="immediate",
        note="办理期间为取得所得次年3月1日至6月30日；申请退税的，税务机关审核后"
        "按规定办理退库。",
        faq=(
            (
                "怎么办理最方便？",
                "使用“个人所得税”App选择简易申报或标准申报，系统自动带出已预缴"
                "税款，确认后提交即可。",
            ),
        ),
    ),
)


# --- 不动产登记中心 -------------------------------------------------------------

_REGISTRY_BASIS = (
    (
        "中华人民共和国民法典",
        "第二百零九条",
        "不动产物权的设立、变更、转让和消灭，经依法登记，发生效力；未经登记，"
        "不发生效力，但是法律另有规定的除外。",
    ),
    (
        "不动产登记暂行条例",
        "第二十条",
        "不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，"
        "法律另有规定的除外。",
    ),
)
_PLACE_BDC = "资阳市不动产登记中心办事大厅（市政务服务中心三楼）"

_BDC = (
    item(
        "first-registration",
        "国有建设用地使用权及房屋所有权首次登记",
        "房地产开发项目或者单位自建房屋竣工后，办理房屋所有权首次登记。",
        "07",
        "legal",
        ("housing", "land"),
        basis=_REGISTRY_BASIS
        + (
            (
                "不动产登记暂行条例实施细则",
                "（国土资源部令第63号）",
                "申请房屋所有权首次登记，应当提交建设工程符合规划的材料、房屋已经"
                "竣工的材料、房地产调查或者测绘报告等材料。",
            ),
        ),
        conditions=(
            "国有建设用地使用权已经登记；",
            "房屋已经竣工验收并通过规划核实；",
            "权属清楚，无争议。",
        ),
        materials=(
            form(
                "application",
                "不动产登记申请书",
                (
                    "申请人",
                    "统一社会信用代码",
                    "不动产坐落",
                    "不动产单元号",
                    "登记类型",
                    "面积（平方米）",
                    "用途",
                    "代理人",
                ),
                values={
                    "申请人": "资阳市雁南置业有限公司",
                    "不动产坐落": "资阳市雁江区雁南大道西段雁南花园三期1栋",
                    "不动产单元号": "512002003004GB00012F00010001",
                    "登记类型": "首次登记",
                    "面积（平方米）": "13215.28",
                    "用途": "住宅",
                    "代理人": SAMPLE_AGENT,
                },
            ),
            copy_of(
                "land-title",
                "国有建设用地使用权不动产权证书",
                "原件现场核验。",
            ),
            copy_of(
                "planning-verification",
                "建设工程规划核实意见和竣工验收材料",
                "已在部门间共享的无需提交。",
                requirement="optional",
            ),
            report(
                "survey-report",
                "房屋测绘报告",
                "由具有测绘资质的单位出具。",
            ),
            copy_of(
                "tax-receipts",
                "相关税费缴纳凭证",
                "可在登簿前补交。",
                requirement="deferrable",
            ),
        ),
        steps=(
            ("受理", 1),
            ("审核", 4),
            ("现场勘验", 2),
            ("登簿", 2),
            ("制证", 1),
        ),
        statutory=30,
        promised=10,
        depth="3",
        place=_PLACE_BDC,
        faq=(
            (
                "首次登记后购房人怎么办证？",
                "开发企业完成首次登记后，购房人与开发企业共同申请转移登记；本市已"
                "推行“交房即交证”。",
            ),
        ),
    ),
    item(
        "transfer-registration",
        "国有建设用地使用权及房屋所有权转移登记（存量房买卖）",
        "二手房买卖双方签订合同并完成纳税后，共同申请转移登记。",
        "07",
        "person",
        ("housing",),
        basis=_REGISTRY_BASIS
        + (
            (
                "不动产登记暂行条例",
                "第十四条",
                "因买卖、设定抵押权等申请不动产登记的，应当由当事人双方共同申请。",
            ),
        ),
        conditions=(
            "买卖双方共同申请；",
            "房屋已办理不动产登记，没有查封、异议登记等限制转让的情形；",
            "已签订房屋买卖合同并完成纳税申报。",
        ),
        materials=(
            form(
                "application",
                "不动产登记申请书（转移登记）",
                (
                    "权利人（买方）",
                    "买方身份证号码",
                    "义务人（卖方）",
                    "卖方身份证号码",
                    "不动产坐落",
                    "不动产权证书号",
                    "成交价格（万元）",
                ),
                values={
                    "权利人（买方）": SAMPLE_PERSON,
                    "买方身份证号码": SAMPLE_PERSON_ID,
                    "义务人（卖方）": "赵国强",
                    "卖方身份证号码": identity_number("512002", "19640715", "031"),
                    "不动产坐落": "资阳市雁江区和平东路88号1栋2单元301室",
                    "不动产权证书号": "川（2019）资阳市不动产权第0054321号",
                    "成交价格（万元）": "68",
                },
            ),
            id_card("买卖双方", id="id-cards"),
            material(
                "title-certificate",
                "不动产权证书",
                "卖方持有的原件，登记完成后收回。",
                source="government",
            ),
            copy_of(
                "sale-contract",
                "房屋买卖合同",
                "网签合同，双方签字。",
                source="applicant",
                upload=True,
            ),
        ),
        steps=(("受理", 1), ("审核", 1), ("登簿", 1), ("制证", 0)),
        statutory=30,
        promised=3,
        depth="3",
        place=_PLACE_BDC,
        faq=(
            (
                "税和登记能一起办吗？",
                "可以。在不动产登记大厅“一窗受理”，一次提交材料，交易、纳税、登记"
                "同步办理。",
            ),
        ),
    ),
    item(
        "mortgage-registration",
        "抵押权首次登记",
        "以不动产设定抵押的，抵押人和抵押权人共同申请抵押权登记；银行可以在线"
        "代为申请。",
        "07",
        "both",
        ("housing",),
        basis=(
            (
                "中华人民共和国民法典",
                "第四百零二条",
                "以建筑物和其他土地附着物、建设用地使用权等财产或者正在建造的建筑物"
                "抵押的，应当办理抵押登记。抵押权自登记时设立。",
            ),
            (
                "不动产登记暂行条例",
                "第十四条",
                "因买卖、设定抵押权等申请不动产登记的，应当由当事人双方共同申请。",
            ),
        ),
        conditions=(
            "抵押人与抵押权人共同申请，或者抵押权人受托在线申请；",
            "已签订抵押合同和主债权合同；",
            "抵押财产已办理不动产登记且未被查封。",
        ),
        materials=(
            form(
                "application",
                "不动产登记申请书（抵押权登记）",
                (
                    "抵押权人",
                    "抵押人",
                    "不动产坐落",
                    "不动产权证书号",
                    "被担保主债权数额（万元）",
                    "债务履行期限",
                ),
                values={
                    "抵押权人": "中国工商银行股份有限公司资阳分行",
                    "抵押人": SAMPLE_PERSON,
                    "不动产坐落": "资阳市雁江区和平东路88号1栋2单元301室",
                    "不动产权证书号": "川（2024）资阳市不动产权第0060001号",
                    "被担保主债权数额（万元）": "40",
                    "债务履行期限": "2024年4月1日至2044年3月31日",
                },
            ),
            copy_of(
                "contracts",
                "抵押合同和主债权合同",
                "银行在线推送的电子合同。",
                source="applicant",
                upload=True,
            ),
            copy_of(
                "title-certificate",
                "不动产权证书",
                "电子证照可以直接调取。",
                requirement="optional",
            ),
        ),
        steps=(("受理", 0), ("审核", 1), ("登簿", 0), ("制证", 0)),
        statutory=30,
        promised=1,
        depth="4",
        place=_PLACE_BDC,
        priority="agency",
        faq=(
            (
                "贷款还清后怎么注销抵押？",
                "银行出具解押证明后在线申请注销登记，即时办结，无需到现场。",
            ),
        ),
    ),
    item(
        "records-inquiry",
        "不动产登记资料查询",
        "权利人查询本人名下的不动产登记结果，利害关系人依法查询有关登记资料。",
        "20",
        "both",
        ("housing",),
        basis=(
            (
                "不动产登记暂行条例",
                "第二十七条",
                "权利人、利害关系人可以依法查询、复制不动产登记资料，不动产登记"
                "机构应当提供。",
            ),
            (
                "不动产登记资料查询暂行办法",
                "",
                "查询申请符合规定的，登记机构应当当场提供查询；因情况特殊不能当场"
                "提供的，应当在5个工作日内提供。",
            ),
        ),
        conditions=(
            "权利人查询本人名下不动产；",
            "利害关系人查询的，能够提供存在利害关系的证明。",
        ),
        materials=(
            id_card(),
            form(
                "application",
                "不动产登记资料查询申请书",
                ("查询人", "身份证号码", "查询目的", "查询内容", "不动产坐落"),
                values={
                    "查询人": SAMPLE_PERSON,
                    "查询目的": "办理子女入学登记",
                    "查询内容": "本人名下不动产登记结果",
                    "不动产坐落": "资阳市雁江区和平东路88号1栋2单元301室",
                },
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=5,
        promised=0,
        depth="4",
        kind="immediate",
        faq=(
            (
                "查询结果有效吗？",
                "在线打印的查询结果带电子签章和验证码，与窗口出具的具有同等效力。",
            ),
        ),
    ),
)


# --- 水利局 ---------------------------------------------------------------------

_WATER_VALUES = {
    "申请单位名称": "资阳市雁东自来水有限公司",
    "项目名称": "老鹰水库取水工程",
}

_SLJ = (
    item(
        "water-permit",
        "取水许可",
        "直接从江河、湖泊或者地下取用水资源的单位和个人，申请取水许可。",
        "01",
        "legal",
        ("production", "environment"),
        basis=(
            (
                "中华人民共和国水法",
                "第四十八条",
                "直接从江河、湖泊或者地下取用水资源的单位和个人，应当按照国家取水"
                "许可制度和水资源有偿使用制度的规定，申请领取取水许可证，并缴纳"
                "水资源费，取得取水权。",
            ),
            (
                "取水许可和水资源费征收管理条例",
                "第十九条",
                "审批机关应当自受理取水申请之日起45个工作日内决定批准或者不批准。",
            ),
        ),
        conditions=(
            "取水地点、取水量和用途符合水资源规划和用水总量控制指标；",
            "已编制建设项目水资源论证报告；",
            "退水不影响第三者的合法权益。",
        ),
        materials=(
            form(
                "application",
                "取水许可申请书",
                COMPANY_FIELDS
                + ("取水地点", "取水方式", "年取水量（万立方米）", "取水用途"),
                values={
                    **_WATER_VALUES,
                    "取水地点": "老鹰水库取水口（东经104.71°，北纬30.10°）",
                    "取水方式": "泵站提水",
                    "年取水量（万立方米）": "1825",
                    "取水用途": "城镇生活供水",
                },
            ),
            report(
                "water-assessment",
                "建设项目水资源论证报告",
                "由建设单位或者委托的技术单位编制。",
            ),
            document(
                "third-party-statement",
                "与第三者利害关系的说明",
                "有利害关系的附第三者的书面意见。",
            ),
        ),
        steps=(
            ("受理", 1),
            ("专家评审", 8),
            ("现场核查", 4),
            ("审查", 4),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=45,
        promised=20,
        depth="2",
        charges=(
            "《取水许可和水资源费征收管理条例》；四川省水资源费征收标准",
            "取水许可不收费；取水单位按实际取水量缴纳水资源费，标准按四川省规定执行。",
        ),
        faq=(
            (
                "农村家庭生活用水要办吗？",
                "家庭生活和零星散养、圈养畜禽饮用等少量取水的，不需要申请取水许可。",
            ),
        ),
    ),
    item(
        "river-project",
        "河道管理范围内建设项目工程建设方案审批",
        "在河道管理范围内建设跨河、穿河、临河的桥梁、管道、码头等工程设施，"
        "工程建设方案须经水行政主管部门审查同意。",
        "01",
        "legal",
        ("construction",),
        basis=(
            (
                "中华人民共和国防洪法",
                "第二十七条",
                "建设跨河、穿河、穿堤、临河的桥梁、码头、道路、渡口、管道、缆线、"
                "取水、排水等工程设施，应当符合防洪标准、岸线规划、航运要求和其他"
                "技术要求；其工程建设方案未经水行政主管部门审查同意的，建设单位不得"
                "开工建设。",
            ),
            (
                "中华人民共和国河道管理条例",
                "第十一条",
                "建设单位必须按照河道管理权限，将工程建设方案报送河道主管机关审查"
                "同意。",
            ),
        ),
        conditions=(
            "符合防洪标准、岸线规划、航运要求和其他技术要求；",
            "不危害堤防安全，不影响河势稳定，不妨碍行洪畅通；",
            "已编制防洪影响评价报告。",
        ),
        materials=(
            form(
                "application",
                "河道管理范围内建设项目申请书",
                COMPANY_FIELDS + ("项目名称", "所在河流及位置", "建设内容"),
                values={
                    "申请单位名称": "资阳市城市建设投资有限公司",
                    "项目名称": "沱江雁江段滨江步道及临河景观工程",
                    "所在河流及位置": "沱江左岸，老城区段",
                    "建设内容": "临河步道3.2千米，亲水平台4处",
                },
            ),
            report(
                "flood-assessment",
                "防洪影响评价报告",
                "由具备能力的技术单位编制。",
            ),
            report(
                "design",
                "工程建设方案和设计图",
                "标明工程与河道、堤防的位置关系。",
            ),
            copy_of(
                "project-approval",
                "项目批准文件",
                "可在审批决定前补交。",
                requirement="deferrable",
            ),
        ),
        steps=(
            ("受理", 1),
            ("专家评审", 6),
            ("现场勘验", 3),
            ("审查", 3),
            ("决定", 1),
            ("送达", 1),
        ),
        statutory=20,
        promised=15,
        depth="2",
        faq=(
            (
                "施工期间要注意什么？",
                "应当按审查同意的位置和界限施工，汛期施工须制定度汛方案并报水利"
                "部门备案。",
            ),
        ),
    ),
    item(
        "soil-conservation",
        "生产建设项目水土保持方案审批",
        "在容易发生水土流失的区域开办生产建设项目，开工前报批水土保持方案。",
        "01",
        "legal",
        ("construction", "environment"),
        basis=(
            (
                "中华人民共和国水土保持法",
                "第二十五条",
                "在山区、丘陵区、风沙区以及容易发生水土流失的其他区域开办可能造成"
                "水土流失的生产建设项目，生产建设单位应当编制水土保持方案，报县级"
                "以上人民政府水行政主管部门审批。",
            ),
            (
                "中华人民共和国水土保持法",
                "第二十六条",
                "依法应当编制水土保持方案的生产建设项目，水土保持方案未经批准的，"
                "生产建设项目不得开工建设。",
            ),
        ),
        conditions=(
            "项目位于容易发生水土流失的区域，征占地面积或者挖填土石方量达到编报"
            "方案的标准；",
            "水土保持方案符合技术标准，防治措施可行。",
        ),
        materials=(
            form(
                "application",
                "生产建设项目水土保持方案审批申请表",
                COMPANY_FIELDS
                + (
                    "项目名称",
                    "项目地点",
                    "征占地面积（公顷）",
                    "挖填土石方量（万立方米）",
                ),
                values={
                    "申请单位名称": "资阳市川中机械制造有限公司",
                    "项目名称": "年产5万台套汽车零部件生产线技术改造项目",
                    "项目地点": "资阳高新技术产业园区机车大道",
                    "征占地面积（公顷）": "6.2",
                    "挖填土石方量（万立方米）": "8.6",
                },
            ),
            report(
                "soil-plan",
                "水土保持方案报告书",
                "由生产建设单位或者委托的技术单位编制。",
            ),
            report(
                "technical-review",
                "技术评审意见",
                "可在审批决定前补交。",
                requirement="deferrable",
                upload=False,
            ),
        ),
        steps=(
            ("受理", 1),
            ("技术审查", 5),
            ("审查", 2),
            ("决定", 1),
            ("送达", 1),
        ),
        statutory=20,
        promised=10,
        depth="3",
        charges=(
            "《中华人民共和国水土保持法》第三十二条；四川省水土保持补偿费征收标准",
            "方案审批不收费；在水土流失重点预防区和重点治理区的项目按规定缴纳水土"
            "保持补偿费。",
        ),
        faq=(
            (
                "报告表项目也要审批吗？",
                "征占地面积和挖填土石方量较小、只需编制报告表的项目，实行承诺制"
                "管理，提交报告表和承诺书即可当场审批。",
            ),
        ),
    ),
    item(
        "soil-compensation-levy",
        "水土保持补偿费征收",
        "损坏水土保持设施、地貌植被，不能恢复原有水土保持功能的生产建设项目，"
        "缴纳水土保持补偿费。",
        "04",
        "legal",
        ("environment", "taxation"),
        basis=(
            (
                "中华人民共和国水土保持法",
                "第三十二条",
                "在容易发生水土流失的区域开办生产建设项目，损坏水土保持设施、地貌"
                "植被，不能恢复原有水土保持功能的，应当缴纳水土保持补偿费，专项用于"
                "水土流失预防和治理。",
            ),
            (
                "水土保持补偿费征收使用管理办法",
                "（财综〔2014〕8号）",
                "规定了水土保持补偿费的征收范围、计征方式和缴纳期限。",
            ),
        ),
        conditions=(
            "生产建设项目位于容易发生水土流失的区域；",
            "水土保持方案已经批准，或者已按规定实行承诺制管理。",
        ),
        materials=(
            form(
                "declaration",
                "水土保持补偿费申报表",
                COMPANY_FIELDS
                + (
                    "项目名称",
                    "水土保持方案批复文号",
                    "征占地面积（平方米）",
                    "应缴金额（元）",
                ),
                values={
                    "申请单位名称": "资阳市川中机械制造有限公司",
                    "项目名称": "年产5万台套汽车零部件生产线技术改造项目",
                    "水土保持方案批复文号": "资水保〔2024〕12号",
                    "征占地面积（平方米）": "62000",
                    "应缴金额（元）": "80600",
                },
            ),
            copy_of(
                "plan-approval",
                "水土保持方案批复",
                "已在系统中关联的无需提交。",
                requirement="optional",
            ),
        ),
        steps=(("受理", 0), ("审核", 1), ("送达", 0)),
        statutory=5,
        promised=1,
        depth="3",
        charges=(
            "《水土保持补偿费征收使用管理办法》（财综〔2014〕8号）；四川省水土保持"
            "补偿费收费标准",
            "一般性生产建设项目按照征占用土地面积一次性计征，具体标准按四川省"
            "价格、财政部门核定的标准执行。",
        ),
        faq=(
            (
                "什么时候缴纳？",
                "开工前一次性缴纳；建设期间分期缴纳的，按方案确定的时间缴纳。",
            ),
        ),
    ),
)


# --- 应急管理局 -----------------------------------------------------------------

_YJJ = (
    item(
        "hazardous-chemicals",
        "危险化学品经营许可（带有储存设施）",
        "经营危险化学品且带有储存设施的企业，向设区的市级应急管理部门申请经营许可。",
        "01",
        "legal",
        ("production", "qualification"),
        basis=(
            (
                "危险化学品安全管理条例",
                "第三十三条",
                "国家对危险化学品经营(包括仓储经营)实行许可制度。未经许可，任何单位"
                "和个人不得经营危险化学品。",
            ),
            (
                "危险化学品安全管理条例",
                "第三十五条",
                "从事其他危险化学品经营的企业，有储存设施的，应当向所在地设区的市级"
                "人民政府安全生产监督管理部门提出申请；受理部门应当自收到证明材料"
                "之日起30日内作出批准或者不予批准的决定。",
            ),
            (
                "危险化学品经营许可证管理办法",
                "（国家安全生产监督管理总局令第55号）",
                "规定了经营许可的申请条件、程序和许可证的管理。",
            ),
        ),
        conditions=(
            "有符合国家标准、行业标准的经营场所和储存设施；",
            "从业人员经过专业技术培训并考核合格，有专职安全管理人员；",
            "有健全的安全管理规章制度；",
            "有危险化学品事故应急预案和必要的应急救援器材、设备。",
        ),
        materials=(
            form(
                "application",
                "危险化学品经营许可证申请表",
                COMPANY_FIELDS
                + ("经营方式", "许可范围", "储存设施地址", "安全管理人员"),
                values={
                    "申请单位名称": "资阳市蜀化化工贸易有限公司",
                    "经营方式": "批发（带储存）",
                    "许可范围": "甲醇、乙醇、丙酮、乙酸乙酯",
                    "储存设施地址": "资阳市雁江区化工园区B区3号库",
                    "安全管理人员": SAMPLE_AGENT,
                },
            ),
            copy_of(
                "premises",
                "经营场所和储存设施的产权或者租赁证明",
                "附平面布置图。",
                source="applicant",
            ),
            copy_of(
                "safety-certificates",
                "主要负责人和安全管理人员安全资格证",
                "应急管理部门考核合格的证明。",
                upload=True,
            ),
            report(
                "safety-assessment",
                "安全评价报告",
                "由具备资质的安全评价机构出具。",
            ),
            document(
                "safety-rules",
                "安全管理制度和事故应急预案",
                "含岗位操作规程。",
                upload=True,
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 6),
            ("审查", 5),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=30,
        statutory_unit="calendar_days",
        promised=15,
        depth="3",
        faq=(
            (
                "不带储存的怎么办？",
                "不带储存设施经营一般危险化学品的，向所在地县级应急管理部门申请。",
            ),
        ),
    ),
    item(
        "fireworks-wholesale",
        "烟花爆竹经营（批发）许可",
        "从事烟花爆竹批发的企业，向设区的市级应急管理部门申请批发许可证。",
        "01",
        "legal",
        ("production",),
        basis=(
            (
                "烟花爆竹安全管理条例",
                "第十七条",
                "从事烟花爆竹批发的企业，应当具有企业法人条件，经营场所与周边建筑、"
                "设施保持必要的安全距离，有符合国家标准的经营场所和储存仓库，有保管"
                "员、仓库守护员，依法进行了安全评价，有事故应急救援预案和必要的应急"
                "救援器材、设备。",
            ),
            (
                "烟花爆竹安全管理条例",
                "第十九条",
                "申请从事烟花爆竹批发的企业，应当向所在地设区的市人民政府安全生产"
                "监督管理部门提出申请；受理申请的部门应当自受理申请之日起30日内对"
                "提交的有关材料和经营场所进行审查。",
            ),
            (
                "烟花爆竹经营许可实施办法",
                "（国家安全生产监督管理总局令第65号）",
                "规定了批发许可证的申请条件、审查程序和有效期。",
            ),
        ),
        conditions=(
            "具有企业法人条件；",
            "经营场所与周边建筑、设施保持必要的安全距离；",
            "有符合国家标准的经营场所和储存仓库，有保管员、仓库守护员；",
            "依法进行了安全评价，有事故应急救援预案和器材。",
        ),
        materials=(
            form(
                "application",
                "烟花爆竹经营（批发）许可证申请书",
                COMPANY_FIELDS + ("仓库地址", "仓库面积（平方米）", "年经营量（箱）"),
                values={
                    "申请单位名称": "资阳市吉庆烟花爆竹批发有限公司",
                    "仓库地址": "资阳市雁江区丹山镇某村6组",
                    "仓库面积（平方米）": "1200",
                    "年经营量（箱）": "30000",
                },
            ),
            business_licence(),
            report(
                "safety-assessment",
                "仓库安全评价报告",
                "由具备资质的安全评价机构出具。",
            ),
            copy_of(
                "training",
                "主要负责人、安全管理人员和仓库保管员培训考核合格证明",
                "应急管理部门考核合格的证明。",
                source="government",
            ),
            document(
                "emergency-plan",
                "事故应急救援预案",
                "含应急组织、人员和器材配备情况。",
                upload=True,
            ),
        ),
        steps=(
            ("受理", 1),
            ("现场核查", 6),
            ("审查", 5),
            ("决定", 2),
            ("制证", 1),
        ),
        statutory=30,
        statutory_unit="calendar_days",
        promised=15,
        depth="2",
        faq=(
            (
                "零售网点找哪里办？",
                "烟花爆竹零售经营许可向所在地县级应急管理部门申请。",
            ),
        ),
    ),
    item(
        "emergency-plan-filing",
        "生产经营单位生产安全事故应急预案备案",
        "危险物品生产经营储存、矿山、建筑施工和人员密集场所经营单位，将应急预案"
        "报应急管理部门备案。",
        "10",
        "legal",
        ("production",),
        basis=(
            (
                "生产安全事故应急条例",
                "第七条",
                "易燃易爆物品、危险化学品等危险物品的生产、经营、储存、运输单位，"
                "矿山、金属冶炼、城市轨道交通运营、建筑施工单位，以及宾馆、商场、"
                "娱乐场所、旅游景区等人员密集场所经营单位，应当将其制定的生产安全"
                "事故应急救援预案按照国家有关规定报送县级以上人民政府负有安全生产"
                "监督管理职责的部门备案。",
            ),
            (
                "生产安全事故应急预案管理办法",
                "",
                "备案材料符合要求的，受理部门应当当场予以备案，并出具应急预案备案"
                "登记表。",
            ),
        ),
        conditions=(
            "属于应当备案的生产经营单位；",
            "应急预案已经评审或者论证，并经主要负责人签署公布。",
        ),
        materials=(
            form(
                "application",
                "生产经营单位生产安全事故应急预案备案申请表",
                COMPANY_FIELDS + ("行业类别", "应急预案名称", "评审日期"),
                values={
                    "申请单位名称": "资阳市蜀化化工贸易有限公司",
                    "行业类别": "危险化学品经营",
                    "应急预案名称": "资阳市蜀化化工贸易有限公司生产安全事故应急预案",
                    "评审日期": "2024年3月8日",
                },
            ),
            document(
                "emergency-plan",
                "应急预案文本",
                "综合预案、专项预案和现场处置方案。",
                upload=True,
            ),
            report(
                "review-opinion",
                "应急预案评审意见",
                "评审专家组出具。",
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=0,
        promised=0,
        depth="4",
        kind="immediate",
        priority="formal",
        faq=(
            (
                "应急预案多久修订一次？",
                "至少每3年进行一次评估；有关法规、组织机构、重大风险等发生变化的，"
                "应当及时修订并重新备案。",
            ),
        ),
    ),
)


# --- 住房公积金管理中心 ---------------------------------------------------------

_FUND_BASIS = (
    "住房公积金管理条例",
    "第二十四条",
    "职工购买、建造、翻建、大修自住住房，离休、退休，完全丧失劳动能力并与单位"
    "终止劳动关系，出境定居等情形的，可以提取职工住房公积金账户内的存储余额。",
)

_GJJ = (
    item(
        "provident-fund-withdrawal",
        "住房公积金提取（租赁住房）",
        "本人及配偶在本市无自有住房且租赁住房的职工，提取住房公积金支付房租。",
        "20",
        "person",
        ("housing",),
        basis=(
            _FUND_BASIS,
            (
                "住房公积金管理条例",
                "第二十五条",
                "住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者不准"
                "提取的决定。",
            ),
            (
                "关于放宽提取住房公积金支付房租条件的通知",
                "（建金〔2015〕19号）",
                "职工连续足额缴存住房公积金满3个月，本人及配偶在缴存城市无自有住房"
                "且租赁住房的，可提取夫妻双方住房公积金支付房租。",
            ),
        ),
        conditions=(
            "连续足额缴存住房公积金满3个月；",
            "本人及配偶在本市无自有住房且租赁住房。",
        ),
        materials=(
            id_card(),
            copy_of(
                "lease",
                "住房租赁合同",
                "租赁商品住房按实际房租提取的提供；按定额提取的无需提供。",
                requirement="optional",
                source="applicant",
                upload=True,
            ),
            copy_of(
                "bank-card",
                "本人银行卡",
                "用于接收提取资金。",
                source="applicant",
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=3,
        promised=0,
        depth="4",
        kind="immediate",
        faq=(
            (
                "每年能提几次？",
                "可以按月、按季或者按年提取，每年提取总额不超过本市规定的租房提取"
                "限额。",
            ),
        ),
    ),
    item(
        "provident-fund-loan",
        "住房公积金个人住房贷款",
        "缴存职工购买、建造、翻建、大修自住住房，申请住房公积金个人住房贷款。",
        "20",
        "person",
        ("housing",),
        basis=(
            (
                "住房公积金管理条例",
                "第二十六条",
                "缴存住房公积金的职工，在购买、建造、翻建、大修自住住房时，可以向"
                "住房公积金管理中心申请住房公积金贷款；住房公积金管理中心应当自受理"
                "申请之日起15日内作出准予贷款或者不准贷款的决定。",
            ),
        ),
        conditions=(
            "正常连续足额缴存住房公积金6个月以上；",
            "购买、建造、翻建、大修自住住房；",
            "具有稳定收入和偿还贷款能力，个人信用良好。",
        ),
        materials=(
            form(
                "application",
                "住房公积金个人住房贷款申请表",
                (
                    "借款人",
                    "公民身份号码",
                    "工作单位",
                    "月缴存额（元）",
                    "购房地址",
                    "购房总价（万元）",
                    "申请贷款金额（万元）",
                    "贷款期限（年）",
                ),
                values={
                    "借款人": SAMPLE_PERSON,
                    "月缴存额（元）": "1280",
                    "购房地址": "资阳市雁江区雁南大道西段雁南花园三期1栋1单元1201室",
                    "购房总价（万元）": "76",
                    "申请贷款金额（万元）": "40",
                    "贷款期限（年）": "20",
                },
            ),
            copy_of(
                "identity-marriage",
                "借款人及配偶身份证和婚姻状况证明",
                "结婚证或者单身声明。",
                source="applicant",
                upload=True,
            ),
            copy_of(
                "purchase-contract",
                "购房合同",
                "商品房网签合同或者存量房买卖合同。",
                source="applicant",
                upload=True,
            ),
            report(
                "income-proof",
                "收入证明",
                "单位出具，或者提供近6个月银行工资流水。",
                upload=False,
            ),
        ),
        steps=(("受理", 1), ("审查", 3), ("决定", 2), ("送达", 1)),
        statutory=15,
        promised=7,
        depth="3",
        faq=(
            (
                "最多能贷多少？",
                "按缴存余额倍数、还款能力和房价比例计算，并不超过本市规定的最高"
                "贷款额度，以系统测算结果为准。",
            ),
        ),
    ),
)


# --- 医疗保障局 -----------------------------------------------------------------

_YBJ = (
    item(
        "remote-medical-filing",
        "异地就医备案",
        "参保人员到本市以外长期居住或者临时外出就医的，办理异地就医备案后可以"
        "直接结算。",
        "20",
        "person",
        ("health", "social_security"),
        basis=(
            (
                "国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作"
                "的通知",
                "（医保发〔2022〕22号）",
                "参保人员跨省异地就医前，可以通过国家医保服务平台App等线上途径或者"
                "医保经办机构窗口办理备案。",
            ),
        ),
        conditions=(
            "已参加本市基本医疗保险且正常享受待遇；",
            "属于异地长期居住人员，或者转诊、急诊抢救等临时外出就医人员。",
        ),
        materials=(
            form(
                "commitment",
                "异地就医备案个人承诺书",
                (
                    "参保人姓名",
                    "公民身份号码",
                    "备案类型",
                    "就医地",
                    "备案开始日期",
                    "联系电话",
                ),
                values={
                    "参保人姓名": SAMPLE_PERSON,
                    "备案类型": "异地长期居住",
                    "就医地": "四川省成都市",
                    "备案开始日期": "2024年4月1日",
                },
            ),
            report(
                "referral",
                "转诊证明",
                "异地转诊就医的提供本市定点医院出具的转诊证明。",
                requirement="optional",
                upload=False,
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=0,
        promised=0,
        depth="4",
        kind="immediate",
        faq=(
            (
                "备案后多久能用？",
                "即时生效，备案成功后即可在就医地定点医疗机构直接结算。",
            ),
        ),
    ),
    item(
        "resident-insurance-enrolment",
        "城乡居民基本医疗保险参保登记",
        "未参加职工基本医疗保险的城乡居民，办理居民医保参保登记并缴费。",
        "20",
        "person",
        ("health", "birth"),
        basis=(
            (
                "中华人民共和国社会保险法",
                "第二十五条",
                "国家建立和完善城镇居民基本医疗保险制度，实行个人缴费和政府补贴"
                "相结合。",
            ),
        ),
        conditions=(
            "本市户籍或者持本市居住证的城乡居民；",
            "未参加职工基本医疗保险。",
        ),
        materials=(
            id_card("参保人"),
            copy_of(
                "residence-permit",
                "居住证",
                "非本市户籍的提供；新生儿凭出生医学证明办理。",
                requirement="optional",
            ),
        ),
        steps=(("受理", 0), ("审核", 0)),
        statutory=0,
        promised=0,
        depth="3",
        kind="immediate",
        faq=(
            (
                "新生儿怎么参保？",
                "出生后即可凭出生医学证明办理参保缴费，出生当年的医疗费用按规定报销。",
            ),
        ),
    ),
    item(
        "chronic-disease",
        "门诊慢特病待遇认定",
        "患有本市门诊慢特病病种范围内疾病的参保人员，经认定后享受门诊慢特病待遇。",
        "07",
        "person",
        ("health",),
        basis=(
            (
                "中华人民共和国社会保险法",
                "第二十八条",
                "符合基本医疗保险药品目录、诊疗项目、医疗服务设施标准以及急诊、抢救"
                "的医疗费用，按照国家规定从基本医疗保险基金中支付。",
            ),
            (
                "国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见",
                "（国办发〔2021〕14号）",
                "完善门诊慢特病保障，逐步扩大由统筹基金支付的门诊慢特病病种范围。",
            ),
        ),
        conditions=(
            "已参加本市基本医疗保险；",
            "患有本市门诊慢特病病种范围内的疾病，符合病种认定标准。",
        ),
        materials=(
            form(
                "application",
                "门诊慢特病待遇认定申请表",
                PERSON_FIELDS + ("参保类别", "申请病种", "选定医疗机构"),
                values={
                    "参保类别": "职工基本医疗保险",
                    "申请病种": "高血压病（Ⅱ级）",
                    "选定医疗机构": "资阳市第一人民医院",
                },
            ),
            report(
                "medical-records",
                "诊断证明、病历和检查报告",
                "二级及以上医疗机构出具。",
            ),
        ),
        steps=(("受理", 1), ("审核", 6), ("决定", 2), ("送达", 1)),
        statutory=20,
        promised=10,
        depth="3",
        faq=(
            (
                "认定后可以在哪里看病？",
                "在选定的定点医疗机构和定点药店就医购药，门诊慢特病费用按规定"
                "比例报销。",
            ),
        ),
    ),
)


# --- The catalogue --------------------------------------------------------------

ITEMS = {
    "qxj": _QXJ,
    "fgw": _FGW,
    "wjw": _WJW,
    "zlj": _ZLJ,
    "wgl": _WGL,
    "zjj": _ZJJ,
    "syj": _SYJ,
    "zrj": _ZRJ,
    "ygc": _YGC,
    "gaj": _GAJ,
    "mzj": _MZJ,
    "rsj": _RSJ,
    "scj": _SCJ,
    "jtj": _JTJ,
    "stj": _STJ,
    "jyj": _JYJ,
    "swj": _SWJ,
    "bdc": _BDC,
    "slj": _SLJ,
    "yjj": _YJJ,
    "gjj": _GJJ,
    "ybj": _YBJ,
}


def _complete(number, department, position, spec):
    basic_code, implementation_code = codes(
        number, department, spec["item_type"], position
    )
    return {
        **spec,
        "basic_code": basic_code,
        "implementation_code": implementation_code,
        "legal_basis": legal_basis_html(spec["basis"]),
        "steps": process_steps(department, spec["steps"]),
        "place": spec["place"]
        or f"{HALL}{department['floor']}楼{department['window_number']}窗口",
        "hours": department["office_hours"],
    }


def catalogue():
    """Return the demonstration catalogue, complete with codes and places.

    :returns: a list of department dictionaries, each with an ``items`` list
        of item dictionaries ready to become content.
    """
    return [
        {
            **department,
            "items": [
                _complete(number, department, position, spec)
                for position, spec in enumerate(ITEMS[department["id"]], 1)
            ],
        }
        for number, department in enumerate(DEPARTMENTS, 1)
    ]
