/* classify: MNIST digits labelled by a SynaCNN compiled with syna-compile.
 *
 *   classify IMAGES [LABELS] [--logits OUT.f32]
 *
 * IMAGES: an IDX file of 28x28 images (idx3-ubyte, pixels 0-255, gzipped or
 * not; built with -DCLASSIFY_NO_ZLIB, not gzipped) or a .npy array of float32 pixels in [0, 1] shaped [N, 28, 28],
 * [N, 1, 28, 28] or [N, 784]. LABELS: an IDX label file (idx1-ubyte).
 * Prints one line per image, `INDEX LABEL` (the class with the largest
 * logit), then, with LABELS, `accuracy P% (CORRECT/N)`. --logits writes the
 * raw float32 logits [N, 10]. The walk-through is docs/deploy.md.
 */
#include "synacnn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef CLASSIFY_NO_ZLIB
#include <zlib.h>
#else
/* Without zlib (e.g. a cross build, docs/deploy.md): plain files only. */
typedef FILE *gzFile;
#define gzopen fopen
#define gzread(file, buffer, size) ((int)fread(buffer, 1, size, file))
#define gzclose fclose
#endif

enum { kPixels = 28 * 28, kClasses = 10, kBatch = 100 };

static void die(const char *what, const char *path) {
  fprintf(stderr, "classify: %s: %s\n", path, what);
  exit(1);
}

/* The whole file, inflated when it is gzipped (zlib reads plain files as
   they are). */
static unsigned char *readAll(const char *path, size_t *size) {
  gzFile file = gzopen(path, "rb");
  if (!file)
    die("cannot open", path);
  size_t capacity = 1 << 20, used = 0;
  unsigned char *bytes = malloc(capacity);
  for (;;) {
    if (used == capacity)
      bytes = realloc(bytes, capacity *= 2);
    int got = gzread(file, bytes + used, (unsigned)(capacity - used));
    if (got < 0)
      die("cannot read", path);
    if (got == 0)
      break;
    used += (size_t)got;
  }
  gzclose(file);
  *size = used;
  return bytes;
}

static uint32_t bigEndian32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* float32 pixels in [0, 1] from an IDX image file or a .npy array. */
static float *readImages(const char *path, int64_t *count) {
  size_t size;
  unsigned char *bytes = readAll(path, &size);
  float *pixels;
  if (size >= 16 && bigEndian32(bytes) == 0x803) {
    uint32_t n = bigEndian32(bytes + 4);
    if (bigEndian32(bytes + 8) != 28 || bigEndian32(bytes + 12) != 28 ||
        size < 16 + (size_t)n * kPixels)
      die("not 28x28 IDX images, or truncated", path);
    pixels = malloc((size_t)n * kPixels * sizeof(float));
    for (size_t i = 0; i < (size_t)n * kPixels; ++i)
      pixels[i] = bytes[16 + i] / 255.0f;
    *count = n;
  } else if (size >= 10 && memcmp(bytes, "\x93NUMPY", 6) == 0) {
    size_t header = bytes[8] | (size_t)bytes[9] << 8;
    char *dict = (char *)bytes + 10;
    if (size < 10 + header || !strstr(dict, "'<f4'") ||
        strstr(dict, "'fortran_order': True"))
      die("not a C-ordered float32 .npy array", path);
    size_t data = (size - 10 - header) / sizeof(float);
    if (data % kPixels)
      die("the array does not hold whole 28x28 images", path);
    pixels = malloc(data * sizeof(float));
    memcpy(pixels, bytes + 10 + header, data * sizeof(float));
    *count = (int64_t)(data / kPixels);
  } else {
    die("neither an IDX image file nor a .npy array", path);
  }
  free(bytes);
  return pixels;
}

static unsigned char *readLabels(const char *path, int64_t count) {
  size_t size;
  unsigned char *bytes = readAll(path, &size);
  if (size < 8 || bigEndian32(bytes) != 0x801 ||
      bigEndian32(bytes + 4) != (uint32_t)count || size < 8 + (size_t)count)
    die("not an IDX label file with one label per image", path);
  memmove(bytes, bytes + 8, (size_t)count);
  return bytes;
}

int main(int argc, char **argv) {
  const char *imagesPath = NULL, *labelsPath = NULL, *logitsPath = NULL;
  for (int i = 1; i < argc; ++i) {
    if (strcmp(argv[i], "--logits") == 0 && i + 1 < argc)
      logitsPath = argv[++i];
    else if (!imagesPath)
      imagesPath = argv[i];
    else if (!labelsPath)
      labelsPath = argv[i];
    else
      die("unexpected argument", argv[i]);
  }
  if (!imagesPath) {
    fprintf(stderr, "usage: classify IMAGES [LABELS] [--logits OUT.f32]\n");
    return 2;
  }
  int64_t count;
  float *pixels = readImages(imagesPath, &count);
  unsigned char *labels = labelsPath ? readLabels(labelsPath, count) : NULL;
  float *logits = malloc((size_t)(count ? count : 1) * kClasses * sizeof(float));
  for (int64_t start = 0; start < count; start += kBatch) {
    int64_t batch = count - start < kBatch ? count - start : kBatch;
    if (synacnn(pixels + start * kPixels, batch, logits + start * kClasses))
      die("the compiled model rejected the batch", imagesPath);
  }
  int64_t correct = 0;
  for (int64_t i = 0; i < count; ++i) {
    const float *row = logits + i * kClasses;
    int best = 0;
    for (int c = 1; c < kClasses; ++c)
      if (row[c] > row[best])
        best = c;
    printf("%lld %d\n", (long long)i, best);
    correct += labels && labels[i] == best;
  }
  if (labels)
    printf("accuracy %.2f%% (%lld/%lld)\n",
           count ? 100.0 * correct / count : 0.0, (long long)correct,
           (long long)count);
  if (logitsPath) {
    FILE *out = fopen(logitsPath, "wb");
    if (!out || fwrite(logits, sizeof(float), (size_t)count * kClasses, out) !=
                    (size_t)count * kClasses || fclose(out))
      die("cannot write", logitsPath);
  }
  free(pixels);
  free(labels);
  free(logits);
  return 0;
}
