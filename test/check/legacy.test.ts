import { detectLegacy, isVietnameseSyllable, tcvn3ToUnicode, vniToUnicode } from "../../src/core/text/legacy";

describe("TCVN3 (.VnTime) text becomes Unicode", () => {
  test.each([
    ["Ninh B×nh", "Ninh Bình"],
    ["Hµ Néi", "Hà Nội"],
    ["Hµ T©n, Hµ Trung, Thanh Ho¸", "Hà Tân, Hà Trung, Thanh Hoá"],
    ["NguyÔn V¨n An", "Nguyễn Văn An"],
    ["TrÇn ThÞ B×nh", "Trần Thị Bình"],
    ["M\u00adêng Kh\u00ad¬ng", "Mường Khương"],
    ["§¹t", "Đạt"],
    ["Kh«ng ®¹t", "Không đạt"],
    ["ChØ tiªu ®¹t: 11/11", "Chỉ tiêu đạt: 11/11"],
    ["¡n, ¢m, £m, ¤ng, ¥n, ¦ng", "Ăn, Âm, Êm, Ông, Ơn, Ưng"],
    // .VnTimeH draws capitals from the lower-case codes: a word typed in capitals stays in capitals.
    ["NINH B×NH", "NINH BÌNH"],
  ])("%s → %s", (legacy, unicode) => {
    expect(tcvn3ToUnicode(legacy)).toBe(unicode);
  });
});

describe("VNI Windows text becomes Unicode", () => {
  test.each([
    ["Haø Noäi", "Hà Nội"],
    ["Vieät Nam", "Việt Nam"],
    ["Nguyeãn Vaên Bình", "Nguyễn Văn Bình"],
    ["Ñoàng Nai", "Đồng Nai"],
    ["Ñaëng Thò Hoa", "Đặng Thị Hoa"],
    ["Ngöôøi laäp bieåu", "Người lập biểu"],
    ["THAØNH PHOÁ HOÀ CHÍ MINH", "THÀNH PHỐ HỒ CHÍ MINH"],
    ["Caø Mau, Quaûng Ngaõi, Thöøa Thieân Hueá", "Cà Mau, Quảng Ngãi, Thừa Thiên Huế"],
    ["Aên uoáng", "Ăn uống"],
  ])("%s → %s", (legacy, unicode) => {
    expect(vniToUnicode(legacy)).toBe(unicode);
  });
});

describe("legacy text is detected by what converting it does, never by one odd character", () => {
  test.each([
    ["Ninh B×nh", "tcvn3", "Ninh Bình"],
    ["NguyÔn V¨n An", "tcvn3", "Nguyễn Văn An"],
    ["Haø Noäi", "vni", "Hà Nội"],
    ["THAØNH PHOÁ", "vni", "THÀNH PHỐ"],
    ["Ñaëng Thò Hoa", "vni", "Đặng Thị Hoa"],
  ])("%s is %s", (text, encoding, converted) => {
    expect(detectLegacy(text)).toEqual({ encoding, converted });
  });

  test.each([
    ["Unicode Vietnamese", "Nguyễn Văn An, Hà Nội"],
    ["Unicode with Latin-1 letters only", "Cà Mau"],
    ["Unicode with Latin-1 letters only (2)", "Có"],
    ["plain ASCII", "Zalo, TTHC, wifi"],
    ["a multiplication sign", "3 × 4"],
    ["French", "café au lait"],
    ["Spanish", "Señor García"],
    ["a diaeresis", "naïve"],
    ["capitals in Unicode", "BÁO CÁO"],
  ])("%s is not legacy text", (_, text) => {
    expect(detectLegacy(text)).toBeUndefined();
  });
});

describe("a Vietnamese syllable: onset, vowel group, final consonant, one tone mark", () => {
  test.each(
    "Nguyễn Văn Bình người được hưởng quốc gia giữ gì khoẻ thuỷ huỳnh hoặc mua của quà mưa kìa yêu khuya xoong nghiêng Huế oanh quyết dạy ấy ăn".split(
      " ",
    ),
  )("%s is one", (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  test.each(["thaỉnh", "haư", "ă", "café", "Noọi", "àá"])("%s is not", (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
