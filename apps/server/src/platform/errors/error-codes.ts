/** Every typed error code the API can answer with, its HTTP status and its message in both languages. */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, en: 'The request is invalid', zh: '请求内容不正确' },
  MALFORMED_JSON: { status: 400, en: 'The request body is not valid JSON', zh: '请求内容不是有效的 JSON' },
  INVALID_NATIONAL_ID: { status: 400, en: 'The resident ID number is invalid', zh: '身份证号码无效' },
  NOT_AUTHENTICATED: { status: 401, en: 'Please sign in', zh: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, en: 'Wrong account or password', zh: '账号或密码错误' },
  INVALID_CODE: { status: 401, en: 'The code is wrong or has expired', zh: '验证码错误或已过期' },
  MFA_REQUIRED: { status: 401, en: 'Two-step verification is required', zh: '需要完成两步验证' },
  MFA_ENROLMENT_REQUIRED: {
    status: 401,
    en: 'Set up two-step verification first',
    zh: '请先设置两步验证',
  },
  CSRF_INVALID: {
    status: 403,
    en: 'The request could not be verified; reload the page',
    zh: '请求校验失败，请刷新页面',
  },
  FORBIDDEN: { status: 403, en: 'You are not allowed to do this', zh: '您没有权限执行此操作' },
  ACCESS_DENIED: {
    status: 403,
    en: 'You have no care relationship with this patient',
    zh: '您与该患者没有诊疗关系，无权查看',
  },
  NOT_FOUND: { status: 404, en: 'Not found', zh: '未找到' },
  PATIENT_NOT_FOUND: { status: 404, en: 'Patient not found', zh: '未找到该患者' },
  ROUTE_NOT_FOUND: { status: 404, en: 'No such endpoint', zh: '接口不存在' },
  CONFLICT: { status: 409, en: 'The request conflicts with the current state', zh: '请求与当前状态冲突' },
  VERSION_CONFLICT: {
    status: 409,
    en: 'Someone else changed this record; reload and try again',
    zh: '该记录已被他人修改，请刷新后重试',
  },
  ALREADY_EXISTS: { status: 409, en: 'It already exists', zh: '已存在' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'The request is too large', zh: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'Unsupported content type', zh: '不支持的内容类型' },
  RULE_VIOLATION: { status: 422, en: 'The request breaks a rule', zh: '请求不符合规则' },
  ACCOUNT_LOCKED: {
    status: 429,
    en: 'Too many failed attempts; the account is locked for a while',
    zh: '失败次数过多，账号已暂时锁定',
  },
  RATE_LIMITED: { status: 429, en: 'Too many requests; try again later', zh: '请求过于频繁，请稍后再试' },
  INTERNAL: { status: 500, en: 'Something went wrong on our side', zh: '服务器出错了' },
  UNAVAILABLE: { status: 503, en: 'The service is not ready', zh: '服务暂不可用' },
  // checkups
  CHECKUP_NO_FILES: {
    status: 400,
    en: 'Choose at least one file to import',
    zh: '请至少选择一个要导入的文件',
  },
  CHECKUP_FILE_UNREADABLE: {
    status: 400,
    en: 'The file cannot be read as a checkup report',
    zh: '无法将该文件识别为体检报告',
  },
  CHECKUP_FILE_TOO_LARGE: { status: 413, en: 'The file is too large to import', zh: '文件过大，无法导入' },
  CHECKUP_TOO_MANY_FILES: {
    status: 413,
    en: 'Too many files, or too much data, in one import',
    zh: '一次导入的文件数量或总大小超出限制',
  },
  CHECKUP_FILE_TYPE_UNSUPPORTED: {
    status: 415,
    en: 'This type of file cannot be imported; use the Excel/CSV template, HL7, FHIR JSON, a PDF or a photo',
    zh: '不支持该文件类型；请使用 Excel/CSV 模板、HL7、FHIR JSON、PDF 或照片',
  },
  CHECKUP_FILE_EXECUTABLE: {
    status: 415,
    en: 'The file is a program, not a report, and was refused',
    zh: '该文件是可执行程序而不是报告，已拒绝',
  },
  CHECKUP_IMPORT_NOT_FOUND: { status: 404, en: 'Import not found', zh: '未找到该导入任务' },
  CHECKUP_IMPORT_FINISHED: {
    status: 409,
    en: 'The import has already finished',
    zh: '该导入任务已结束',
  },
  CHECKUP_IMPORT_FAILED: {
    status: 500,
    en: 'The import stopped because of an error on our side; the reports stored before it are kept',
    zh: '导入因服务器错误中断；之前已导入的报告均已保留',
  },
  CHECKUP_REPORT_NOT_FOUND: { status: 404, en: 'Checkup report not found', zh: '未找到该体检报告' },
  CHECKUP_UNKNOWN_LOINC: {
    status: 400,
    en: 'This LOINC code is not in the checkup code table',
    zh: '该 LOINC 编码不在体检项目编码表中',
  },
  CHECKUP_MAPPING_NOT_FOUND: { status: 404, en: 'Item mapping not found', zh: '未找到该项目映射' },
  CHECKUP_PACKAGE_NOT_FOUND: { status: 404, en: 'Checkup package not found', zh: '未找到该体检套餐' },
  // records
  RECORD_ENTRY_NOT_FOUND: { status: 404, en: 'Record entry not found', zh: '未找到该健康档案条目' },
  RECORD_OBSERVATION_NOT_FOUND: { status: 404, en: 'Observation not found', zh: '未找到该检测记录' },
  RECORD_DOCUMENT_NOT_FOUND: { status: 404, en: 'Document not found', zh: '未找到该文档' },
  RECORD_CODE_NOT_FOUND: { status: 404, en: 'No such code in the code table', zh: '编码表中没有该编码' },
  RECORD_UNKNOWN_ICD10: {
    status: 400,
    en: 'This ICD-10 code is not in the code table',
    zh: '该 ICD-10 编码不在编码表中',
  },
  RECORD_UNKNOWN_UNIT: {
    status: 400,
    en: 'This unit cannot be used for this item',
    zh: '该单位不适用于此检测项目',
  },
  RECORD_IMPOSSIBLE_VALUE: {
    status: 422,
    en: 'The value is outside what is physiologically possible; check the number and the unit',
    zh: '数值超出生理可能范围，请检查数值和单位',
  },
  RECORD_SOURCE_NOT_ALLOWED: {
    status: 403,
    en: 'Patients record their own entries as self-reported only',
    zh: '患者只能以“自述”来源记录条目',
  },
  RECORD_NOT_EDITABLE: {
    status: 403,
    en: 'You can change only the entries you reported yourself',
    zh: '您只能修改自己填报的条目',
  },
  RECORD_SELF_REPORTED_TEXT: {
    status: 403,
    en: "The patient's own words are kept as reported; you can change only the status",
    zh: '患者自述内容须保持原样，您只能修改其状态',
  },
  RECORD_ALREADY_ENTERED_IN_ERROR: {
    status: 409,
    en: 'This observation is already marked as entered in error',
    zh: '该检测记录已标记为录入错误',
  },
  RECORD_DOCUMENT_MALFORMED: {
    status: 400,
    en: 'The upload is not a valid form with one file',
    zh: '上传内容不是包含一个文件的有效表单',
  },
  RECORD_DOCUMENT_TOO_LARGE: { status: 413, en: 'The file is larger than 20 MB', zh: '文件超过 20 MB' },
  RECORD_DOCUMENT_EMPTY: { status: 400, en: 'The file is empty', zh: '文件为空' },
  RECORD_DOCUMENT_TYPE_UNSUPPORTED: {
    status: 415,
    en: 'Only PDF, JPEG, PNG, WebP and HEIC files can be uploaded',
    zh: '仅支持上传 PDF、JPEG、PNG、WebP 和 HEIC 文件',
  },
  RECORD_DOCUMENT_EXECUTABLE: {
    status: 415,
    en: 'The file is a program, not a document, and was refused',
    zh: '该文件是可执行程序而不是文档，已拒绝',
  },
  RECORD_DOCUMENT_TYPE_MISMATCH: {
    status: 415,
    en: 'The file content does not match its declared type or file name',
    zh: '文件内容与其声明的类型或文件名不符',
  },
  RECORD_DOCUMENT_DAMAGED: {
    status: 500,
    en: 'The stored file cannot be read; please tell the administrator',
    zh: '存储的文件无法读取，请联系管理员',
  },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
