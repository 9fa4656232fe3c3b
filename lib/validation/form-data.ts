/** FormData → plain object for zod; keys ending in [] (checkbox groups) always become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    if (key.endsWith("[]")) out[key.slice(0, -2)] = all;
    else out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}
