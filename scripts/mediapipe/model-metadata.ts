// Writes and reads TFLite Model Metadata (tflite-support metadata_schema.fbs, file identifier "M001"): how an image input is normalised.
import { Builder } from "flatbuffers";
import { TableView } from "./flatbuffer-view.ts";
import { bufferData, type TfliteModel } from "./tflite-model.ts";

/** The Model.metadata name under which tasks-vision looks for this flatbuffer. */
export const METADATA_NAME = "TFLITE_METADATA";

const Slot = {
  ModelMetadata: {
    name: 0,
    description: 1,
    version: 2,
    subgraphMetadata: 3,
    author: 4,
    license: 5,
    associatedFiles: 6,
    minParserVersion: 7,
  },
  SubGraphMetadata: { name: 0, description: 1, inputTensorMetadata: 2, outputTensorMetadata: 3 },
  TensorMetadata: { name: 0, description: 1, dimensionNames: 2, content: 3, processUnits: 4 },
  Content: { contentPropertiesType: 0, contentProperties: 1 },
  ImageProperties: { colorSpace: 0 },
  ProcessUnit: { optionsType: 0, options: 1 },
  NormalizationOptions: { mean: 0, std: 1 },
} as const;

const ContentPropertiesType = { ImageProperties: 2 } as const;
const ProcessUnitOptionsType = { NormalizationOptions: 1 } as const;
export const ColorSpace = { RGB: 1 } as const;

export interface ImageModelMetadata {
  name: string;
  description: string;
  /** (pixel - mean) / std is what the model expects, per channel or one value for all. */
  mean: number[];
  std: number[];
  inputName: string;
  outputNames: string[];
  license: string;
  author: string;
}

export function buildImageModelMetadata(meta: ImageModelMetadata): Uint8Array {
  const b = new Builder(1024);
  const floats = (values: number[]) => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]!);
    return b.endVector();
  };
  const offsets = (values: number[]) => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i]!);
    return b.endVector();
  };

  const mean = floats(meta.mean);
  const std = floats(meta.std);
  b.startObject(2);
  b.addFieldOffset(Slot.NormalizationOptions.mean, mean, 0);
  b.addFieldOffset(Slot.NormalizationOptions.std, std, 0);
  const normalization = b.endObject();
  b.startObject(2);
  b.addFieldInt8(Slot.ProcessUnit.optionsType, ProcessUnitOptionsType.NormalizationOptions, 0);
  b.addFieldOffset(Slot.ProcessUnit.options, normalization, 0);
  const processUnit = b.endObject();

  b.startObject(2);
  b.addFieldInt8(Slot.ImageProperties.colorSpace, ColorSpace.RGB, 0);
  const imageProperties = b.endObject();
  b.startObject(3);
  b.addFieldInt8(Slot.Content.contentPropertiesType, ContentPropertiesType.ImageProperties, 0);
  b.addFieldOffset(Slot.Content.contentProperties, imageProperties, 0);
  const content = b.endObject();

  const processUnits = offsets([processUnit]);
  const inputName = b.createString(meta.inputName);
  b.startObject(7);
  b.addFieldOffset(Slot.TensorMetadata.name, inputName, 0);
  b.addFieldOffset(Slot.TensorMetadata.content, content, 0);
  b.addFieldOffset(Slot.TensorMetadata.processUnits, processUnits, 0);
  const input = b.endObject();

  const outputs = meta.outputNames.map((name) => {
    const nameOffset = b.createString(name);
    b.startObject(7);
    b.addFieldOffset(Slot.TensorMetadata.name, nameOffset, 0);
    return b.endObject();
  });

  const inputVector = offsets([input]);
  const outputVector = offsets(outputs);
  b.startObject(7);
  b.addFieldOffset(Slot.SubGraphMetadata.inputTensorMetadata, inputVector, 0);
  b.addFieldOffset(Slot.SubGraphMetadata.outputTensorMetadata, outputVector, 0);
  const subgraph = b.endObject();

  const subgraphs = offsets([subgraph]);
  const name = b.createString(meta.name);
  const description = b.createString(meta.description);
  const author = b.createString(meta.author);
  const license = b.createString(meta.license);
  // The oldest parser version that understands these fields; a higher value would make older readers refuse the file.
  const minParserVersion = b.createString("1.0.0");
  b.startObject(8);
  b.addFieldOffset(Slot.ModelMetadata.name, name, 0);
  b.addFieldOffset(Slot.ModelMetadata.description, description, 0);
  b.addFieldOffset(Slot.ModelMetadata.subgraphMetadata, subgraphs, 0);
  b.addFieldOffset(Slot.ModelMetadata.author, author, 0);
  b.addFieldOffset(Slot.ModelMetadata.license, license, 0);
  b.addFieldOffset(Slot.ModelMetadata.minParserVersion, minParserVersion, 0);
  b.finish(b.endObject(), "M001");
  return b.asUint8Array().slice();
}

export interface InputNormalization {
  modelName: string;
  license: string;
  colorSpace: number;
  mean: number[];
  std: number[];
}

/** Reads back the first input's normalisation from a model's TFLITE_METADATA, or undefined if it has none. */
export function readInputNormalization(model: TfliteModel): InputNormalization | undefined {
  const entry = model.metadata.find((m) => m.name === METADATA_NAME);
  if (!entry) return undefined;
  const bytes = bufferData(model, entry.buffer);
  if (String.fromCharCode(...bytes.subarray(4, 8)) !== "M001") {
    throw new Error(`The ${METADATA_NAME} buffer is not a metadata flatbuffer (file identifier "M001" missing).`);
  }
  const root = TableView.root(bytes);
  const input = root
    .tables(Slot.ModelMetadata.subgraphMetadata)[0]
    ?.tables(Slot.SubGraphMetadata.inputTensorMetadata)[0];
  const content = input?.table(Slot.TensorMetadata.content);
  const image =
    content?.u8(Slot.Content.contentPropertiesType) === ContentPropertiesType.ImageProperties
      ? content.table(Slot.Content.contentProperties)
      : undefined;
  const unit = input
    ?.tables(Slot.TensorMetadata.processUnits)
    .find((u) => u.u8(Slot.ProcessUnit.optionsType) === ProcessUnitOptionsType.NormalizationOptions);
  const options = unit?.table(Slot.ProcessUnit.options);
  return {
    modelName: root.str(Slot.ModelMetadata.name) ?? "",
    license: root.str(Slot.ModelMetadata.license) ?? "",
    colorSpace: image?.u8(Slot.ImageProperties.colorSpace) ?? 0,
    mean: options?.f32s(Slot.NormalizationOptions.mean) ?? [],
    std: options?.f32s(Slot.NormalizationOptions.std) ?? [],
  };
}
