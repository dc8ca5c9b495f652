"""Measure the service catalogue's pages on a catalogue of a real city's size.

Usage: .venv/bin/python scripts/bench_catalogue.py [--quick] [--items N]
       [--templates N] [--runs N]

Builds a throwaway hall in memory with the test layers of ``zyzwfw.testing``
(a DemoStorage over a fresh site; nothing touches ``instance/var``): 40
departments, 5,000 items and 3,500 materials with a blank form, then times
anonymous GET requests through the Zope WSGI application in this process, so
the figures are server time without the network. It prints the median and
95th percentile of:

- an item's guide page against a plain Plone Document whose text is as long
  as the guide's (the ratio should stay at or below 1.5);
- the catalogue page, unfiltered and with three filters (target < 100 ms);
- the download centre, unfiltered and for one department;
- Chinese searches on the catalogue page (target < 100 ms).

Building the full catalogue takes several minutes; ``--quick`` builds a
tenth of it for trying the script out.
"""

from io import BytesIO
from urllib.parse import urlencode

import argparse
import os
import random
import re
import statistics
import sys
import time


#: Objects in the ZODB cache of a connection, as in instance/etc/zope.conf.
CACHE_SIZE = 50_000

DEPARTMENTS = (
    "发展和改革委员会 教育局 科学技术局 经济和信息化局 公安局 民政局 司法局 "
    "财政局 人力资源和社会保障局 自然资源和规划局 生态环境局 住房和城乡建设局 "
    "交通运输局 水利局 农业农村局 商务局 文化广播电视和旅游局 卫生健康委员会 "
    "退役军人事务局 应急管理局 审计局 市场监督管理局 统计局 医疗保障局 "
    "林业局 体育局 城市管理局 行政审批局 粮食和物资储备局 气象局 "
    "消防救援支队 税务局 烟草专卖局 住房公积金管理中心 档案馆 地震局 "
    "民族宗教事务局 外事办公室 机关事务管理局 人民防空办公室"
).split()

SUBJECTS = (
    "建筑工程施工许可证 商品房预售许可证 食品经营许可证 药品零售许可证 "
    "道路运输经营许可证 排污许可证 取水许可证 林木采伐许可证 "
    "烟草专卖零售许可证 医疗机构执业许可证 营业执照 建设工程规划许可证 "
    "建设用地规划许可证 出版物经营许可证 娱乐场所经营许可证 人力资源服务许可证 "
    "劳务派遣经营许可证 民办学校办学许可证 医师执业证书 护士执业证书 "
    "社会团体登记证书 民办非企业单位登记证书 危险化学品经营许可证 "
    "特种设备使用登记证 机动车驾驶证 户口登记 居民身份证 居住证 社会保障卡 "
    "住房公积金 最低生活保障 特困人员救助供养 临时救助 残疾人两项补贴 "
    "高龄津贴 婚姻登记 收养登记 出生医学证明 生育登记 失业保险金 "
    "职业技能等级证书 教师资格证 农村宅基地 不动产登记 企业投资项目备案 "
    "外商投资企业登记 雷电防护装置设计审核 人防工程竣工验收 气象信息服务 "
    "档案查阅 宗教活动场所登记 消防设计审查 建筑业企业资质 "
    "环境影响评价文件审批 水土保持方案审批 道路挖掘占用 户外广告设置 "
    "城市绿地占用 粮食收购资格 统计调查项目 医疗保险关系转移"
).split()

ACTIONS = (
    "核发 变更 延续 注销 补办 换领 申领 审批 备案 登记 确认 认定 查询 "
    "迁移 年检 审核 办理 转移 撤销 恢复"
).split()

QUALIFIERS = ("", "（首次申请）", "（变更申请）", "（企业）", "（个人）")

CONDITIONS = (
    "申请人具有完全民事行为能力，申请材料齐全、符合法定形式。",
    "申请人已依法取得相关资质，且近三年内无重大违法违规记录。",
    "申请事项属于本部门法定职责范围，申请人按要求如实提交有关材料。",
    "项目已依法办理用地、规划等前置手续，并落实各项安全措施。",
)

MATERIAL_NAMES = (
    "申请表 身份证明 营业执照副本 授权委托书 法定代表人身份证明 场所使用证明 "
    "安全管理制度 专业技术人员名单 设备清单 承诺书 现场照片 检测报告"
).split()

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

FILLER = (
    "为进一步优化营商环境，提高政务服务效率，本中心推行一窗受理、集成服务，"
    "申请人可通过网上大厅提交申请材料，窗口工作人员在承诺时限内办结。"
)


def setup_layers(layer, done=None):
    """Set up a plone.testing layer and its bases, each once, bases first."""
    done = [] if done is None else done
    for base in layer.__bases__:
        setup_layers(base, done)
    if layer not in done:
        layer.setUp()
        done.append(layer)
    return done


def titles(count):
    """Return ``count`` distinct item titles, the permit's first."""
    combinations = [
        f"{subject}{action}{qualifier}"
        for qualifier in QUALIFIERS
        for subject in SUBJECTS
        for action in ACTIONS
    ]
    first = "建筑工程施工许可证核发"
    combinations.remove(first)
    random.Random(7).shuffle(combinations)
    if count > len(combinations) + 1:
        sys.exit(f"At most {len(combinations) + 1} distinct titles")
    return [first, *combinations[: count - 1]]


def blank_form(title, kind):
    """Return a named blob file: a one-paragraph Word file or a tiny PDF."""
    from plone.namedfile.file import NamedBlobFile

    if kind == "docx":
        import docx

        document = docx.Document()
        document.add_paragraph(title)
        stream = BytesIO()
        document.save(stream)
        return NamedBlobFile(
            data=stream.getvalue(),
            contentType="application/vnd.openxmlformats-officedocument."
            "wordprocessingml.document",
            filename=f"{title}.docx",
        )
    return NamedBlobFile(
        data=PDF, contentType="application/pdf", filename=f"{title}.pdf"
    )


def build(portal, item_count, template_count, log):
    """Create the departments, items and materials; return the guide's URL path."""
    from plone import api
    from plone.app.textfield.value import RichTextValue
    from zyzwfw.themes import themes

    import transaction

    rng = random.Random(42)
    theme_codes = [code for code, _title, _party in themes()]
    departments = []
    for number, title in enumerate(DEPARTMENTS, start=1):
        department = api.content.create(
            container=portal["departments"],
            type="Department",
            id=f"d{number:02d}",
            title=title,
            short_code=f"D{number:02d}",
            window_number=str(number),
            address=f"资阳市政务服务中心{number % 4 + 1}楼",
            office_hours="工作日 9:00—17:00",
            consultation_phone=f"028-2610{number:04d}",
            complaint_phone="028-12345",
        )
        api.content.transition(obj=department, transition="publish")
        departments.append(department)
    transaction.commit()

    # Every item has one material, every tenth three; the first
    # ``template_count`` materials have a blank form, every fourth a sample too.
    templates = 0
    started = time.perf_counter()
    for index, title in enumerate(titles(item_count)):
        department = departments[index % len(departments)]
        depth = rng.choice("1234")
        item = api.content.create(
            container=department,
            type="ServiceItem",
            id=f"item{index:05d}",
            title=title,
            implementation_code=f"11512000MB{index:08d}X",
            item_type=rng.choice(("01", "01", "01", "07", "20", "20", "10")),
            served_parties=rng.choice((["person"], ["legal"], ["person", "legal"])),
            themes=rng.sample(theme_codes, rng.choice((1, 1, 2))),
            online_depth=depth,
            visits=0 if depth == "4" else 1,
            conditions=rng.choice(CONDITIONS),
            steps=[
                {
                    "name": "受理",
                    "post": "窗口",
                    "responsible": "张敏",
                    "time_limit": 1,
                },
                {
                    "name": "审批",
                    "post": "科室",
                    "responsible": "李强",
                    "time_limit": 3,
                },
            ],
            statutory_limit=20,
            promised_limit=rng.choice((0, 1, 3, 5, 10)),
            legal_basis=RichTextValue(
                "<p>《中华人民共和国行政许可法》</p>", "text/html", "text/x-html-safe"
            ),
        )
        api.content.transition(obj=item, transition="publish")
        for number in range(3 if index % 10 == 0 else 1):
            name = MATERIAL_NAMES[(index + number) % len(MATERIAL_NAMES)]
            with_template = templates < template_count and (index + number) % 3 != 2
            fields = {}
            if with_template:
                templates += 1
                fields["template"] = blank_form(f"{title}{name}", "pdf")
                if templates % 4 == 0:
                    fields["sample"] = blank_form(f"{title}{name}示范文本", "pdf")
            material = api.content.create(
                container=item,
                type="Material",
                id=f"m{number}",
                title=f"{title}{name}",
                needs_template=with_template,
                explanation="申请人如实填写并签字。",
                **fields,
            )
            api.content.transition(obj=material, transition="publish")
        if index % 250 == 249:
            transaction.commit()
            rate = (index + 1) / (time.perf_counter() - started)
            log(f"  {index + 1} items, {templates} templates ({rate:.0f} items/s)")
    transaction.commit()
    if templates < template_count:
        log(f"  only {templates} templates: raise --items for {template_count}")
    guide = portal["departments"]["d01"]["item00000"]
    enrich_guide(guide)
    transaction.commit()
    return "/".join(guide.getPhysicalPath()), templates


def enrich_guide(item):
    """Give the measured guide the elements of a full real guide."""
    from plone import api
    from plone.app.textfield.value import RichTextValue

    item.description = "对在本市行政区域内新建、改建、扩建的建筑工程核发施工许可证。"
    item.conditions = "\n".join(CONDITIONS)
    item.legal_basis = RichTextValue(
        "<p>《中华人民共和国建筑法》第七条、第八条</p>"
        "<p>《建筑工程施工许可管理办法》第二条至第四条</p>",
        "text/html",
        "text/x-html-safe",
    )
    item.steps = [
        {"name": name, "post": post, "responsible": person, "time_limit": days}
        for name, post, person, days in (
            ("受理", "综合窗口", "张敏", 1),
            ("审查", "审批科", "李强", 2),
            ("决定", "分管领导", "王伟", 1),
            ("送达", "综合窗口", "赵丽", 1),
        )
    ]
    item.limit_note = "材料齐全、符合法定形式的，当场受理。"
    item.charges = False
    item.place = "资阳市政务服务中心二楼住建窗口"
    item.hours = "工作日 9:00—12:00，13:30—17:00"
    item.faq = [
        {"question": "可以网上申报吗？", "answer": "可以，通过网上大厅提交申请。"},
        {
            "question": "需要本人到场吗？",
            "answer": "可委托代理人办理，需提交授权委托书。",
        },
        {"question": "多久可以领证？", "answer": "承诺时限内办结，可选择邮寄送达。"},
    ]
    for number, name in enumerate(MATERIAL_NAMES[:5], start=3):
        fields = {}
        if number % 2:
            fields = {
                "template": blank_form(f"建筑工程施工许可{name}", "docx"),
                "sample": blank_form(f"建筑工程施工许可{name}示范文本", "pdf"),
                "needs_template": True,
            }
        material = api.content.create(
            container=item,
            type="Material",
            id=f"m{number}",
            title=f"建筑工程施工许可{name}",
            explanation="由申请单位填写并加盖公章，复印件须注明“与原件一致”。",
            copies=1,
            forms=["original", "copy"],
            **fields,
        )
        api.content.transition(obj=material, transition="publish")
    item.reindexObject()


def visible_text_length(html):
    """Count the characters a reader sees in the page's main content."""
    match = re.search(r'<div id="content-core">(.*?)<footer', html, re.S)
    body = match.group(1) if match else html
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S)
    text = re.sub(r"<[^>]+>", "", body)
    return len(re.sub(r"\s+", "", text))


def add_document(portal, length):
    """Add a published Document whose text has ``length`` visible characters."""
    from plone import api
    from plone.app.testing import login
    from plone.app.testing import TEST_USER_NAME
    from plone.app.textfield.value import RichTextValue
    from zope.component.hooks import setSite

    import transaction

    # A request through the publisher leaves no site and no user behind.
    setSite(portal)
    login(portal, TEST_USER_NAME)
    text = (FILLER * (length // len(FILLER) + 1))[:length]
    paragraphs = "".join(
        f"<p>{text[start : start + 120]}</p>" for start in range(0, len(text), 120)
    )
    document = api.content.create(
        container=portal,
        type="Document",
        id="bench-document",
        title="建筑工程施工许可证核发",
        text=RichTextValue(paragraphs, "text/html", "text/x-html-safe"),
    )
    api.content.transition(obj=document, transition="publish")
    transaction.commit()
    return "/".join(document.getPhysicalPath())


def timer(app):
    """Return a function that GETs a path through ``app`` and times it."""
    from webob import Request

    def get(path):
        """GET ``path``; return its wall-clock and CPU seconds and the body."""
        request = Request.blank(path, environ={"HTTP_ACCEPT_LANGUAGE": "zh-CN"})
        started = time.perf_counter()
        cpu_started = time.thread_time()
        response = request.get_response(app)
        cpu = time.thread_time() - cpu_started
        elapsed = time.perf_counter() - started
        if response.status_int != 200:
            raise RuntimeError(f"{path}: {response.status}")
        return (elapsed, cpu), response.text

    return get


def row(times):
    """Format times in ms as the cells of a Markdown table row."""
    return " | ".join(f"{value:.1f}" for value in times)


def summary(times):
    """Return the median and the 95th percentile of ``times``, in ms."""
    times = [seconds * 1000 for seconds in times]
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    return statistics.median(times), p95


def measure(get, paths, runs):
    """GET each of ``paths`` in turn, ``runs`` rounds after 3 warm-up rounds.

    Taking the pages in turn, rather than one after the other, spreads any
    load on the machine evenly over the pages compared. The request runs in
    this thread, so its CPU time is the server's work alone, whatever else
    the machine is doing; the wall-clock time includes waiting for the CPU.

    :returns: ``{path: (wall median, wall p95, CPU median, CPU p95, body)}``,
        times in ms.
    """
    walls = {path: [] for path in paths}
    cpus = {path: [] for path in paths}
    bodies = {}
    for round_ in range(runs + 3):
        for path in paths:
            (elapsed, cpu), bodies[path] = get(path)
            if round_ >= 3:
                walls[path].append(elapsed)
                cpus[path].append(cpu)
    return {
        path: (*summary(walls[path]), *summary(cpus[path]), bodies[path])
        for path in paths
    }


def measure_queries(portal, filters, runs):
    """Time the query module itself, as an anonymous visitor.

    :returns: ``{label: (wall median, wall p95, CPU median, CPU p95, total)}``.
    """
    from plone.app.testing import logout
    from zope.component.hooks import setSite
    from zyzwfw import catalogue

    setSite(portal)
    logout()

    def timed(function, **query):
        wall = []
        cpu = []
        for round_ in range(runs + 3):
            started = time.perf_counter()
            cpu_started = time.thread_time()
            found = function(**query)
            if round_ >= 3:
                cpu.append(time.thread_time() - cpu_started)
                wall.append(time.perf_counter() - started)
        return (*summary(wall), *summary(cpu), found["total"])

    queries = [
        ("search_items()", {}),
        ("search_items(department, theme, depth)", filters),
        ("search_items(q=施工许可)", {"q": "施工许可"}),
        ("search_items(q=许可)", {"q": "许可"}),
        ("search_items(q=建筑许可), relaxed", {"q": "建筑许可"}),
    ]
    results = {
        label: timed(catalogue.search_items, **query) for label, query in queries
    }
    results["list_downloads()"] = timed(catalogue.list_downloads)
    return results


def main():
    """Build the catalogue, time the pages and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    parser.add_argument("--items", type=int, default=None)
    parser.add_argument("--templates", type=int, default=None)
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    items = args.items or (500 if args.quick else 5000)
    templates = args.templates or (350 if args.quick else 3500)
    runs = args.runs or (20 if args.quick else 60)

    def log(message):
        """Report progress on stderr, so stdout holds only the figures."""
        print(message, file=sys.stderr, flush=True)

    # Keep the layers' start-up chatter and deprecation noise off the figures.
    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")

    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME
    from plone.testing.zope import WSGI_SERVER_FIXTURE
    from zope.component.hooks import setSite
    from zyzwfw.testing import FUNCTIONAL_TESTING

    log("Setting up a throwaway site ...")
    setup_layers(FUNCTIONAL_TESTING)
    FUNCTIONAL_TESTING.testSetUp()
    portal = FUNCTIONAL_TESTING["portal"]
    setSite(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    # Pages are timed with the ZODB cache the instance runs with; with the
    # ZODB's default of 400 objects per connection they would measure
    # unpickling the catalogue on every request.
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    portal._p_jar._cache.cache_size = CACHE_SIZE

    log(f"Building {items} items and {templates} templates ...")
    started = time.perf_counter()
    guide_path, template_total = build(portal, items, templates, log)
    build_seconds = time.perf_counter() - started
    catalog = portal.portal_catalog
    counts = {
        kind: len(catalog.unrestrictedSearchResults(portal_type=kind))
        for kind in ("Department", "ServiceItem", "Material")
    }
    log(f"Built in {build_seconds:.0f} s: {counts}")

    get = timer(WSGI_SERVER_FIXTURE.server.application)
    _times, guide_html = get(guide_path)
    length = visible_text_length(guide_html)
    document_path = add_document(portal, length)
    _times, document_html = get(document_path)
    document_length = visible_text_length(document_html)

    portal_path = "/".join(portal.getPhysicalPath())
    guide = portal.unrestrictedTraverse(guide_path)
    # The guide's own department, first theme and depth: a combination with items.
    filters = {
        "department": "d01",
        "theme": guide.themes[0],
        "depth": guide.online_depth,
    }
    pages = [
        ("Item guide page (办事指南)", guide_path),
        ("Plain Document, same text length", document_path),
        ("Catalogue, no filter", f"{portal_path}/guide"),
        (
            "Catalogue, 3 filters (department, theme, depth)",
            f"{portal_path}/guide?" + urlencode(filters),
        ),
        ("Catalogue, page 10", f"{portal_path}/guide?b_start=180"),
        ("Search 施工许可", f"{portal_path}/guide?" + urlencode({"q": "施工许可"})),
        ("Search 许可 (broad)", f"{portal_path}/guide?" + urlencode({"q": "许可"})),
        (
            "Search 建筑许可 (relaxed)",
            f"{portal_path}/guide?" + urlencode({"q": "建筑许可"}),
        ),
        (
            "Search 许可 + department filter",
            f"{portal_path}/guide?" + urlencode({"q": "许可", "department": "d22"}),
        ),
        ("Download centre, all", f"{portal_path}/downloads"),
        (
            "Download centre, one department",
            f"{portal_path}/downloads?department=d12",
        ),
        (
            "Download centre, search 申请表",
            f"{portal_path}/downloads?" + urlencode({"q": "申请表"}),
        ),
    ]
    log(f"Timing {len(pages)} pages, {runs} rounds ...")
    measured = measure(get, [path for _label, path in pages], runs)
    results = {}
    for label, path in pages:
        *times, body = measured[path]
        total = re.search(r"<strong\s*>(\d+)</strong>", body)
        results[label] = (*times, total.group(1) if total else "")
    log("Timing the query module ...")
    queries = measure_queries(portal, filters, runs)

    guide = results["Item guide page (办事指南)"]
    document = results["Plain Document, same text length"]
    print()
    print(
        f"Catalogue: {counts['Department']} departments, {counts['ServiceItem']} "
        f"items, {counts['Material']} materials, {template_total} with a blank "
        f"form; built in {build_seconds:.0f} s; {runs} timed rounds after 3 "
        f"warm-up rounds, pages taken in turn."
    )
    print(f"Guide text: {length} visible characters; Document: {document_length}.")
    print()
    header = "median ms | p95 ms | CPU median ms | CPU p95 ms | results |"
    print(f"| page (anonymous GET, server time) | {header}")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, (*times, total) in results.items():
        print(f"| {label} | {row(times)} | {total} |")
    print()
    print(f"| query module call | {header}")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, (*times, total) in queries.items():
        print(f"| `{label}` | {row(times)} | {total} |")
    print()
    print(
        f"Guide / Document (median): {guide[0] / document[0]:.2f} wall-clock, "
        f"{guide[2] / document[2]:.2f} CPU (target <= 1.5)"
    )
    load = os.getloadavg()
    print(f"Load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    FUNCTIONAL_TESTING.testTearDown()


if __name__ == "__main__":
    main()
