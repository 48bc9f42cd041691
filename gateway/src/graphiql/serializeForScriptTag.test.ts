import { serializeForScriptTag } from './serializeForScriptTag';

it('leaves no character that could end or alter a script element, and round-trips', () => {
  const value = { q: '</script><!-- <script> & \u2028\u2029 "quoted" \\ end' };
  const text = serializeForScriptTag(value);
  expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  expect(JSON.parse(text)).toEqual(value);
});

it('serializes undefined as null rather than failing', () => {
  expect(serializeForScriptTag(undefined)).toBe('null');
});
