"""The ontology's classes and relation types as code: generated from ``govkg.ttl``, do not edit.

Regenerate with ``govkg schema --terms > ontology/terms.py``; a test keeps this file equal
to the ontology. Members are strings (``Class.Place == "Place"``), so they serialise as
the names the JSON output, Neo4j and the vocabulary files use; an unknown name is an
``AttributeError`` (``Class.Plaec``) or a ``ValueError`` (``Class("Plaec")``).
"""

from __future__ import annotations

from enum import Enum


class _Term(str, Enum):
    """A name of the ontology; formats and prints as its plain name."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(self, format_spec)


class Class(_Term):
    """Every class of the ontology, by its local name (``gkg:Place`` → ``Class.Place``)."""

    Agreement = "Agreement"  # Agreement / 协议
    CooperationAgreement = "CooperationAgreement"  # Cooperation agreement / 合作协议
    DiscretionBenchmark = "DiscretionBenchmark"  # Discretion benchmark / 裁量基准
    GroupStandard = "GroupStandard"  # Group standard / 团体标准
    JointActionPlan = "JointActionPlan"  # Joint action plan / 联合行动方案
    Document = "Document"  # Document / 文件
    Catalogue = "Catalogue"  # Catalogue / 目录
    Guideline = "Guideline"  # Guideline / 指引
    Law = "Law"  # Law or regulation / 法律法规
    Notice = "Notice"  # Notice / 通知
    Plan = "Plan"  # Plan or programme document / 方案计划
    Recommendation = "Recommendation"  # Judicial or procuratorial recommendation / 司法建议
    ReportDocument = "ReportDocument"  # Report text / 报告文本
    WhitePaper = "WhitePaper"  # White paper / 白皮书
    Event = "Event"  # Event / 活动
    Expo = "Expo"  # Expo / 博览会
    Festival = "Festival"  # Festival / 节庆
    Meeting = "Meeting"  # Meeting / 会议
    Training = "Training"  # Training course / 培训
    Institution = "Institution"  # Institution / 机构
    ArbitrationBody = "ArbitrationBody"  # Arbitration commission / 仲裁机构
    Association = "Association"  # Association or people's organisation / 社会团体
    Court = "Court"  # People's court / 人民法院
    Department = "Department"  # Government department / 政府部门
    Government = "Government"  # People's government / 人民政府
    LawFirm = "LawFirm"  # Law firm / 律师事务所
    Legislature = "Legislature"  # People's congress / 人民代表大会
    Office = "Office"  # Office or command centre / 办公室
    PoliticalBody = "PoliticalBody"  # Party committee or CPPCC / 党委或政协
    Procuratorate = "Procuratorate"  # People's procuratorate / 人民检察院
    ServiceCentre = "ServiceCentre"  # Service centre / 服务中心
    Team = "Team"  # Team or working group / 工作团队
    University = "University"  # University or college / 高等院校
    Mechanism = "Mechanism"  # Mechanism / 机制
    Brand = "Brand"  # Brand / 品牌
    Hotline = "Hotline"  # Hotline / 热线
    List = "List"  # List / 清单
    Platform = "Platform"  # Platform / 平台
    Programme = "Programme"  # Programme or campaign / 项目活动
    Service = "Service"  # Public service / 服务
    System = "System"  # System / 制度体系
    Venue = "Venue"  # Venue / 阵地
    WorkMechanism = "WorkMechanism"  # Working mechanism / 工作机制
    MediationCentre = "MediationCentre"  # Mediation centre / 调解中心
    MediationBranch = "MediationBranch"  # Mediation branch / 调解分站
    Mention = "Mention"  # Mention / 提及
    ObservationPoint = "ObservationPoint"  # Observation point / 基层法治观察点
    EnterpriseServicePoint = "EnterpriseServicePoint"  # Enterprise service point / 企业服务点
    LegalServiceStation = "LegalServiceStation"  # Legal service station or contact point / 法律服务工作站
    LegislativeContactPoint = "LegislativeContactPoint"  # Grassroots legislative contact point / 基层立法联系点
    PolicyConsultationPoint = "PolicyConsultationPoint"  # Policy and regulation consultation point / 政策法规咨询联系点
    Place = "Place"  # Place / 地域
    CooperationZone = "CooperationZone"  # Cooperation zone / 合作区域
    County = "County"  # County-level division / 县级行政区
    Prefecture = "Prefecture"  # Prefecture-level division / 地级行政区
    Province = "Province"  # Province-level division / 省级行政区
    Township = "Township"  # Township-level division / 乡级行政区
    Village = "Village"  # Village or community / 村或社区
    Report = "Report"  # Report / 报告
    Statistic = "Statistic"  # Statistic / 统计数据


class RelationType(_Term):
    """Every object property, by its Neo4j relationship type (``gkg:partOf`` → ``RelationType.PART_OF``)."""

    COVERS = "COVERS"  # gkg:covers, covers
    ESTABLISHED = "ESTABLISHED"  # gkg:established, established
    IMPLEMENTS = "IMPLEMENTS"  # gkg:implements, implements
    ISSUED = "ISSUED"  # gkg:issued, issued
    LOCATED_IN = "LOCATED_IN"  # gkg:locatedIn, located in
    MENTIONS = "MENTIONS"  # gkg:mentions, mentions
    ORGANIZED = "ORGANIZED"  # gkg:organized, organized
    PARTY_TO = "PARTY_TO"  # gkg:partyTo, party to
    PART_OF = "PART_OF"  # gkg:partOf, part of
    SERVES = "SERVES"  # gkg:serves, serves
    STATES = "STATES"  # gkg:states, states


TOP_CLASS: dict[Class, Class] = {
    Class.Agreement: Class.Agreement,
    Class.CooperationAgreement: Class.Agreement,
    Class.DiscretionBenchmark: Class.Agreement,
    Class.GroupStandard: Class.Agreement,
    Class.JointActionPlan: Class.Agreement,
    Class.Document: Class.Document,
    Class.Catalogue: Class.Document,
    Class.Guideline: Class.Document,
    Class.Law: Class.Document,
    Class.Notice: Class.Document,
    Class.Plan: Class.Document,
    Class.Recommendation: Class.Document,
    Class.ReportDocument: Class.Document,
    Class.WhitePaper: Class.Document,
    Class.Event: Class.Event,
    Class.Expo: Class.Event,
    Class.Festival: Class.Event,
    Class.Meeting: Class.Event,
    Class.Training: Class.Event,
    Class.Institution: Class.Institution,
    Class.ArbitrationBody: Class.Institution,
    Class.Association: Class.Institution,
    Class.Court: Class.Institution,
    Class.Department: Class.Institution,
    Class.Government: Class.Institution,
    Class.LawFirm: Class.Institution,
    Class.Legislature: Class.Institution,
    Class.Office: Class.Institution,
    Class.PoliticalBody: Class.Institution,
    Class.Procuratorate: Class.Institution,
    Class.ServiceCentre: Class.Institution,
    Class.Team: Class.Institution,
    Class.University: Class.Institution,
    Class.Mechanism: Class.Mechanism,
    Class.Brand: Class.Mechanism,
    Class.Hotline: Class.Mechanism,
    Class.List: Class.Mechanism,
    Class.Platform: Class.Mechanism,
    Class.Programme: Class.Mechanism,
    Class.Service: Class.Mechanism,
    Class.System: Class.Mechanism,
    Class.Venue: Class.Mechanism,
    Class.WorkMechanism: Class.Mechanism,
    Class.MediationCentre: Class.MediationCentre,
    Class.MediationBranch: Class.MediationCentre,
    Class.Mention: Class.Mention,
    Class.ObservationPoint: Class.ObservationPoint,
    Class.EnterpriseServicePoint: Class.ObservationPoint,
    Class.LegalServiceStation: Class.ObservationPoint,
    Class.LegislativeContactPoint: Class.ObservationPoint,
    Class.PolicyConsultationPoint: Class.ObservationPoint,
    Class.Place: Class.Place,
    Class.CooperationZone: Class.Place,
    Class.County: Class.Place,
    Class.Prefecture: Class.Place,
    Class.Province: Class.Place,
    Class.Township: Class.Place,
    Class.Village: Class.Place,
    Class.Report: Class.Report,
    Class.Statistic: Class.Statistic,
}
"""Each class's top class (its first Neo4j label)."""
