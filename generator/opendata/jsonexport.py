"""``catalogue.json``, its JSON Schema and one ``index.json`` per item.

Sorted keys, two-space indent and a final newline: diffs between two releases of the data
stay readable and the same catalogue gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from .records import SCHEMA_VERSION, Record

SCHEMA_ID = "catalogue.schema.json"

_ORJSON = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def dumps(data: Any) -> bytes:
    """``json.dumps(ensure_ascii=False, indent=2, sort_keys=True)`` plus a newline, as UTF-8.

    orjson writes exactly those bytes for our data (tested) about ten times faster: the
    standard library falls back to its pure-Python encoder whenever it indents.  orjson
    refuses what the standard encoder accepts (an integer beyond 64 bits, say, if a
    catalogue ever had one); such data takes the slow path with the same layout.
    """
    try:
        return orjson.dumps(data, option=_ORJSON)
    except orjson.JSONEncodeError:
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def catalogue_json(data: Record) -> bytes:
    # ``tables`` are the CSV and workbook rows: the same content, flattened;
    # ``linked`` is what only the JSON-LD files carry (laws by id, special procedures).
    skip = {"tables", "linked"}
    return dumps({"$schema": SCHEMA_ID, **{k: v for k, v in data.items() if k not in skip}})


def item_json(data: Record, record: Record) -> bytes:
    """One item on its own, with the version and licence of the whole catalogue."""
    head = {k: data[k] for k in ("schema_version", "licence", "licence_url", "date")}
    return dumps({**head, "item": record})


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def _optional(description: str) -> dict[str, Any]:
    return {"type": ["string", "null"], "description": description}


def _object(properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }
    if description:
        out["description"] = description
    return out


_DAYS = _object(
    {
        "days": {"type": "integer", "minimum": 0, "description": "天数,0 为当场办结"},
        "unit": {"enum": ["工作日", "自然日"]},
    }
)
_LINK = _object({"id": _text("标识"), "name": _text("名称")})
_ANSWERS = {
    "type": ["object", "null"],
    "description": "适用的回答(情形引导):问题 id → 选项 id 或其列表;null 表示所有情形",
    "additionalProperties": {
        "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
    },
}

_ITEM = _object(
    {
        "id": _text("事项标识(永久网址的一部分)"),
        "url": _text("办事指南网址"),
        "name": _text("事项名称"),
        "basic_code": {"type": "string", "pattern": "^[0-9A-Z]{12}$"},
        "implementation_code": {"type": "string", "pattern": "^[0-9A-Z]{12,40}$"},
        "type": _text("事项类型"),
        "kind": {"enum": ["即办件", "承诺件", "联办件", "报批件"]},
        "department": _LINK,
        "joint_departments": {"type": "array", "items": _LINK},
        "audience": {"type": "array", "items": {"enum": ["自然人", "法人"]}},
        "summary": _optional("一句话说明"),
        "basis": {
            "type": "array",
            "items": _object(
                {"role": {"enum": ["设定依据", "实施依据"]}, "law": _text("法规和条款")}
            ),
        },
        "conditions": {"type": "array", "items": {"type": "string"}},
        "condition_answers": {
            "type": "array",
            "description": "与 conditions 一一对应:该受理条件适用的回答",
            "items": _ANSWERS,
        },
        "quantity_limit": _text("数量限制"),
        "statutory_limit": _DAYS,
        "promised_limit": _DAYS,
        "free": {"type": "boolean", "description": "不收费时为 true"},
        "fees_text": _optional("不收费时为 不收费"),
        "fees": {
            "type": "array",
            "items": _object(
                {
                    "name": _text("收费项目"),
                    "standard": _text("收费标准"),
                    "basis": _text("收费依据"),
                    "approved_by": _text("批准机关"),
                    "licence": _optional("收费许可证号"),
                    "answers": _ANSWERS,
                }
            ),
        },
        "situations": {
            "type": "array",
            "description": "情形引导的问题(按顺序提问;选项的 opens 为追问)",
            "items": _object(
                {
                    "id": _text("问题标识"),
                    "question": _text("问题"),
                    "hint": _optional("提示"),
                    "multiple": {"type": "boolean", "description": "可多选"},
                    "options": {
                        "type": "array",
                        "items": _object(
                            {
                                "id": _text("选项标识"),
                                "label": _text("选项文字"),
                                "opens": {"type": "array", "items": {"type": "string"}},
                            }
                        ),
                    },
                }
            ),
        },
        "materials": {
            "type": "array",
            "items": _object(
                {
                    "number": {"type": "integer", "minimum": 1},
                    "name": _text("材料名称"),
                    "necessity": {"enum": ["必要", "非必要", "容缺后补"]},
                    "form": {"enum": ["原件", "复印件", "原件和复印件"]},
                    "copies": {"type": "integer"},
                    "medium": {"enum": ["纸质", "电子", "纸质或电子"]},
                    "source": {"enum": ["申请人自备", "政府部门核发", "其他"]},
                    "source_note": _optional("来源说明"),
                    "when": _optional("适用情形"),
                    "answers": _ANSWERS,
                    "one_of": _optional("可替代材料组(以下任选其一)"),
                    "exempt": {
                        "description": "免提交(减证便民):窗口通过数据共享等方式自行取得,"
                        "申请人无需提交;null 表示需要提交",
                        "oneOf": [
                            {"type": "null"},
                            _object(
                                {
                                    "way": {"enum": ["数据共享", "电子证照", "部门核验"]},
                                    "basis": _text("取得方式和依据"),
                                }
                            ),
                        ],
                    },
                    "standard": _optional("受理标准"),
                    "note": _optional("备注"),
                }
            ),
        },
        "steps": {
            "type": "array",
            "description": "办理环节,按顺序;同一 group 的环节并联进行",
            "items": _object(
                {
                    "number": {"type": "integer", "minimum": 1},
                    "group": {"type": ["integer", "null"], "description": "并联环节组号"},
                    "name": _text("环节名称"),
                    "kind": _text("环节类型"),
                    "post": _text("办理岗位"),
                    "days": {"type": "integer", "minimum": 0},
                    "unit": {"enum": ["工作日", "自然日"]},
                    "description": _optional("办理内容和标准"),
                    "window": _optional("办理窗口"),
                    "answers": _ANSWERS,
                }
            ),
        },
        "result": _object({"name": _text("办理结果"), "type": _text("结果类型")}),
        "visits": {"type": "integer", "minimum": 0},
        "online": {
            "oneOf": [{"type": "null"}, _object({"name": _text("渠道"), "url": _text("网址")})]
        },
        "place": _optional("办理地点"),
        "hours": _optional("办理时间"),
        "enquiry_phone": _optional("咨询电话"),
        "supervision_phone": _optional("监督投诉电话"),
        "reviewed": {"type": "string", "format": "date"},
    },
    "一个办事事项",
)


def _int(description: str) -> dict[str, Any]:
    return {"type": "integer", "minimum": 0, "description": description}


_SPAN = {
    "working_days": _int("工作日数(与自然日分开计算,不相加)"),
    "calendar_days": _int("自然日数"),
}

_BUNDLE = _object(
    {
        "id": _text("一件事标识(永久网址 /bundles/<id>/ 的一部分,与审批链 id 相同)"),
        "url": _text("一件事页面网址"),
        "name": _text("一件事名称"),
        "description": _text("说明"),
        "note": _optional("给群众的说明"),
        "lead": _object({"id": _text("牵头部门标识"), "name": _text("牵头部门名称")}),
        "window": _optional("一窗受理的窗口;null 表示牵头部门的全部窗口"),
        "stages": {
            "type": "array",
            "description": "依次办理的阶段;同一阶段的事项并联办理",
            "items": _object(
                {
                    "number": {"type": "integer", "minimum": 1},
                    "name": _text("阶段名称"),
                    "items": {"type": "array", "items": {"type": "string"}},
                    "time": _object(_SPAN, "本阶段用时:各单位取最长一项"),
                }
            ),
        },
        "time": _object(
            {
                **_SPAN,
                "upper_bound": {
                    "type": "boolean",
                    "description": "有阶段同时含工作日和自然日的事项时为 true:合计为上限",
                },
            },
            "承诺时限合计(特别程序不计入)",
        ),
        "special_procedures": {
            "type": "array",
            "description": "不计入时限的特别程序",
            "items": _object(
                {
                    "item": _text("事项标识"),
                    "name": _text("特别程序"),
                    "days": {"type": "integer", "minimum": 0},
                    "unit": {"enum": ["工作日", "自然日"]},
                }
            ),
        },
        "materials": {
            "type": "array",
            "description": "合并后的材料清单:名称相同的材料只列一次",
            "items": _object(
                {
                    "number": {"type": "integer", "minimum": 1},
                    "name": _text("材料名称"),
                    "used_by": {
                        "type": "array",
                        "description": "要求该材料的事项及其在该事项材料中的序号",
                        "items": _object(
                            {
                                "item": _text("事项标识"),
                                "number": {"type": "integer", "minimum": 1},
                            }
                        ),
                    },
                    "produced_by": _optional("本一件事中前一阶段办结后取得该材料的事项标识"),
                    "exempt": {
                        "type": "boolean",
                        "description": "每个要求它的事项都免提交(窗口自行获取)",
                    },
                }
            ),
        },
    },
    "一件事(高效办成一件事):一窗受理、一套材料",
)

_HEAD: dict[str, Any] = {
    "schema_version": {"const": SCHEMA_VERSION},
    "licence": _text("许可协议(SPDX 标识)"),
    "licence_url": _text("许可协议全文地址"),
    "date": {"type": "string", "format": "date", "description": "目录最近审核日期"},
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "办事指南目录(开放数据)",
    **_object(
        {
            "$schema": {"type": "string"},
            **_HEAD,
            "centre": _object(
                {"name": _text("中心名称"), "url": _text("门户地址"), "demo": {"type": "boolean"}}
            ),
            "departments": {"type": "array", "items": _LINK},
            "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
            "bundles": {"type": "array", "items": {"$ref": "#/$defs/bundle"}},
        }
    ),
    "$defs": {"item": _ITEM, "bundle": _BUNDLE},
}

ITEM_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "单个办事事项(开放数据)",
    **_object({**_HEAD, "item": _ITEM}),
}


def schema_json() -> bytes:
    return dumps(SCHEMA)
