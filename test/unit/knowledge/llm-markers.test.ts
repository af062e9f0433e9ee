import { withoutMarkers } from '../../../src/knowledge/answer/llm-answer';

describe('citation markers in an LLM answer', () => {
  it.each([
    ['Thu ngân sách đạt 15.608 tỷ đồng [1].', 'Thu ngân sách đạt 15.608 tỷ đồng.', [1]],
    ['Có 3 khâu đột phá [1, 2] và 8 nhiệm vụ [3].', 'Có 3 khâu đột phá và 8 nhiệm vụ.', [1, 2, 3]],
    ['Mục tiêu đến năm 2030 [1][2]: tỉnh khá.', 'Mục tiêu đến năm 2030: tỉnh khá.', [1, 2]],
    ['Ba lĩnh vực [1–3].', 'Ba lĩnh vực.', [1, 2, 3]],
  ])('when the model writes %j, then the citizen reads %j and the marked passages are cited', (raw, text, marked) => {
    expect(withoutMarkers(raw, 5)).toEqual({ text, marked });
  });

  it('when a bracket names no passage given to the model, then it is part of the text and kept', () => {
    expect(withoutMarkers('Điều [9] của Luật.', 5)).toEqual({ text: 'Điều [9] của Luật.', marked: [] });
    expect(withoutMarkers('Khoản [a] và [0].', 5)).toEqual({ text: 'Khoản [a] và [0].', marked: [] });
  });
});
