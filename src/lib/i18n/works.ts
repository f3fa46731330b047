/** Registering, editing and moving works through their statuses. */
export const works = {
	zh: {
		'work.error.geometry_type':
			'第 {index} 个图形的类型是 {type}；开挖作业须为沟槽中心线（LineString/MultiLineString）或开挖范围（Polygon/MultiPolygon）。请重新绘制。',
		'work.error.geometry_invalid': '图形无效：{reason}，位置约在 {lon},{lat}。请修正自相交或重复的顶点后再提交。',
		'work.error.outside_city': '图形不在{city}范围内（{extent}）。请确认坐标系选择正确（当前：{crs}），并在城市范围内绘制。',
		'work.error.line_too_short': '沟槽线长度仅 {length} 米，少于 {min} 米：请绘制至少两个不同的点。',
		'work.error.line_too_long': '沟槽线总长 {length} 米，超过单项作业上限 {max} 米。请分段登记。',
		'work.error.area_too_small': '开挖范围面积仅 {area} 平方米，少于 {min} 平方米：请重新绘制。',
		'work.error.area_too_large': '开挖范围面积 {area} 平方米，超过单项作业上限 {max} 平方米。请分块登记。',
		'work.error.crs_unknown': '不支持坐标系“{value}”。可选：EPSG:4326（WGS84）、EPSG:4490（CGCS2000）、EPSG:4548（CGCS2000 3度带 117°E）、GCJ-02。',
		'work.error.organisation_unknown': '找不到单位“{value}”。单位编号见 /api/organisations。',
		'work.error.organisation_not_yours': '您只能为本单位（{own}）登记或修改作业，不能代“{value}”登记。',
		'work.error.utility_not_for_org': '{org}（{kind}）不能登记“{utility}”管线的作业。可登记：{allowed}。',
		'work.error.kind_needs_utility': '作业类型“{kind}”只适用于以下管线：{allowed}；当前为“{utility}”。',
		'work.error.emergency_kind': '抢修作业须同时选择作业类型“抢修”并勾选“紧急”；请两项一致。',
		'work.error.start_in_past': '开工日期 {start} 早于今天（{today}）。作业须在开工前登记；抢修可在开工后 {hours} 小时内补登。',
		'work.error.start_too_far': '开工日期 {start} 晚于 {max}；请登记五年内的作业。',
		'work.error.duration': '工期 {days} 天超过“{kind}”的上限 {max} 天。请分期登记或核对日期。',
		'work.error.dates_order': '完工日期 {end} 早于开工日期 {start}，请改正。',
		'work.error.neighbourhood_unknown': '找不到小区“{value}”。',
		'work.error.status_on_create': '新登记的作业状态只能是：{allowed}。',
		'work.error.transition': '作业 #{id} 当前为“{from}”，不能改为“{to}”。可改为：{allowed}。',
		'work.error.reason_required': '退回或取消作业须填写原因。',
		'work.error.approve_conflicts': '作业 #{id} 仍有 {count} 处冲突（{kinds}）。请先查看冲突；如仍要批准，须确认并填写批准原因。',
		'work.error.approve_conflicts_reason': '作业 #{id} 仍有 {count} 处冲突（{kinds}）：带冲突批准须填写原因，原因会记入作业记录。',
		'work.error.not_editable': '作业 #{id} 当前为“{status}”，已不能修改图形或日期。',
		'work.error.features_empty': '上传的文件中没有图形。',
		'work.error.too_many_features': '一次最多上传 {max} 个图形，当前 {count} 个。'
	},
	en: {
		'work.error.geometry_type':
			'Shape {index} is a {type}; a work is a trench centreline (LineString/MultiLineString) or an excavated area (Polygon/MultiPolygon). Draw it again.',
		'work.error.geometry_invalid': 'The shape is invalid: {reason}, near {lon},{lat}. Remove the self-intersection or repeated vertices and submit again.',
		'work.error.outside_city': 'The shape lies outside {city} ({extent}). Check that the coordinate system is right (now {crs}) and draw inside the city.',
		'work.error.line_too_short': 'The trench line is only {length} m long, less than {min} m: draw at least two distinct points.',
		'work.error.line_too_long': 'The trench lines add up to {length} m, more than the {max} m allowed for one work. Register it in sections.',
		'work.error.area_too_small': 'The excavated area is only {area} m², less than {min} m²: draw it again.',
		'work.error.area_too_large': 'The excavated area is {area} m², more than the {max} m² allowed for one work. Register it in parts.',
		'work.error.crs_unknown':
			'Coordinate system "{value}" is not supported. Use EPSG:4326 (WGS84), EPSG:4490 (CGCS2000), EPSG:4548 (CGCS2000 3° zone, CM 117°E) or GCJ-02.',
		'work.error.organisation_unknown': 'There is no organisation "{value}". /api/organisations lists them.',
		'work.error.organisation_not_yours': 'You can register or change works of your own organisation ({own}) only, not of "{value}".',
		'work.error.utility_not_for_org': '{org} ({kind}) cannot register works on "{utility}". It can register: {allowed}.',
		'work.error.kind_needs_utility': 'Work kind "{kind}" applies to {allowed} only; this work is "{utility}".',
		'work.error.emergency_kind': 'An emergency repair has kind "Emergency repair" and the emergency flag, both; make them agree.',
		'work.error.start_in_past':
			'The start date {start} is before today ({today}). Works are registered before they start; an emergency repair within {hours} h of starting.',
		'work.error.start_too_far': 'The start date {start} is after {max}; register works within five years.',
		'work.error.duration': 'A window of {days} days is longer than the {max} days allowed for "{kind}". Register it in phases or check the dates.',
		'work.error.dates_order': 'The end date {end} is before the start date {start}; correct it.',
		'work.error.neighbourhood_unknown': 'There is no neighbourhood "{value}".',
		'work.error.status_on_create': 'A new work can only have status: {allowed}.',
		'work.error.transition': 'Work #{id} is "{from}" and cannot become "{to}". It can become: {allowed}.',
		'work.error.reason_required': 'Give a reason to reject or cancel a work.',
		'work.error.approve_conflicts':
			'Work #{id} still has open conflicts ({count}: {kinds}). Look at them first; to approve it anyway, confirm and give a reason.',
		'work.error.approve_conflicts_reason':
			'Work #{id} still has open conflicts ({count}: {kinds}): approving it over them needs a reason, which is kept in the work’s history.',
		'work.error.not_editable': 'Work #{id} is "{status}"; its shape and dates can no longer be changed.',
		'work.error.features_empty': 'The uploaded file holds no shapes.',
		'work.error.too_many_features': 'At most {max} shapes per upload; this one has {count}.'
	}
} as const;
