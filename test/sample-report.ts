// A short 法治政府建设 report shared by the service and server tests: one numbering gap and one missing part.
export const SAMPLE_REPORT = [
  '某某区人民政府关于2022年法治政府建设工作情况的报告',
  '一、主要工作开展情况',
  '（一）加强组织领导。',
  '（三）推进严格规范公正文明执法。',
  '二、存在的问题',
  '三、2023年工作打算',
].join('\n');
