// The README's pictures go into the .vsix, whose size is budgeted (test 00), and a picture hardly
// shrinks in the zip: each is written as a palette PNG (sharp, libimagequant), which keeps a
// screenshot of the workbench sharp at about a third of its size.
import sharp from 'sharp';

export async function writeDocsPicture(screenshot: string, target: string): Promise<void> {
  await sharp(screenshot).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 }).toFile(target);
}
