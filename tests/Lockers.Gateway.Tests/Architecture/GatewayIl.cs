using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lockers.Gateway.Tests.Architecture;

/// <summary>
/// The gateway's compiled assembly read with Mono.Cecil, for tests that hold rules about its code: which
/// feature folder uses which, who calls what. Compiler-generated types (async state machines, lambdas'
/// closures) count as the source type they were written in, so a lambda inside ReservationService is
/// ReservationService.
/// </summary>
public static class GatewayIl
{
    public const string RootNamespace = "Lockers.Gateway";

    private static readonly Lazy<ModuleDefinition> Loaded = new(() =>
        ModuleDefinition.ReadModule(typeof(Program).Assembly.Location, new ReaderParameters { ReadSymbols = false }));

    public static ModuleDefinition Module => Loaded.Value;

    /// <summary>Every type written in the gateway (nested ones included), with its source type.</summary>
    public static IEnumerable<(TypeDefinition Type, TypeDefinition Source)> Types() =>
        Module.Types.SelectMany(Flatten).Select(type => (type, SourceOf(type)));

    /// <summary>Every method with a body, with the source type it belongs to.</summary>
    public static IEnumerable<(MethodDefinition Method, TypeDefinition Source)> Methods() =>
        Types().SelectMany(t => t.Type.Methods.Where(m => m.HasBody).Select(m => (m, t.Source)));

    /// <summary>Every method called (call, callvirt, newobj, ldftn) from <paramref name="method"/>'s body.</summary>
    public static IEnumerable<MethodReference> Calls(MethodDefinition method) =>
        method.Body.Instructions.Select(i => i.Operand).OfType<MethodReference>();

    /// <summary>The outermost type a (possibly nested, possibly compiler-generated) type was declared in.</summary>
    public static TypeDefinition SourceOf(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    /// <summary>"Reservations" for Lockers.Gateway.Reservations and Lockers.Gateway.Reservations.X; null outside the gateway's folders.</summary>
    public static string? FolderOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var ns = type.Namespace;
        if (!ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(RootNamespace.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>
    /// The types <paramref name="type"/> depends on (the gateway's and others'): base type, interfaces, fields, signatures,
    /// attributes, and everything its methods' bodies touch (calls, fields, types, locals), of itself and of
    /// the compiler-generated types nested in it.
    /// </summary>
    public static IEnumerable<TypeReference> DependenciesOf(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        foreach (var part in Flatten(type))
        {
            Add(found, part.BaseType);
            foreach (var contract in part.Interfaces)
            {
                Add(found, contract.InterfaceType);
            }

            foreach (var field in part.Fields)
            {
                Add(found, field.FieldType);
            }

            foreach (var attribute in part.CustomAttributes.Concat(part.Methods.SelectMany(m => m.CustomAttributes)))
            {
                Add(found, attribute.AttributeType);
            }

            foreach (var method in part.Methods)
            {
                AddSignature(found, method);
                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var local in method.Body.Variables)
                {
                    Add(found, local.VariableType);
                }

                foreach (var instruction in method.Body.Instructions)
                {
                    AddOperand(found, instruction);
                }
            }
        }

        return found;
    }

    private static IEnumerable<TypeDefinition> Flatten(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(Flatten)];

    private static void AddOperand(List<TypeReference> found, Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                Add(found, type);
                break;
            case MethodReference method:
                Add(found, method.DeclaringType);
                AddSignature(found, method);
                if (method is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(found, argument);
                    }
                }

                break;
            case FieldReference field:
                Add(found, field.DeclaringType);
                Add(found, field.FieldType);
                break;
        }
    }

    private static void AddSignature(List<TypeReference> found, MethodReference method)
    {
        Add(found, method.ReturnType);
        foreach (var parameter in method.Parameters)
        {
            Add(found, parameter.ParameterType);
        }
    }

    /// <summary>Adds a type with what it is built from: element types of arrays and by-refs, generic arguments.</summary>
    private static void Add(List<TypeReference> found, TypeReference? type)
    {
        switch (type)
        {
            case null:
            case GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(found, generic.ElementType);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(found, argument);
                }

                return;
            case TypeSpecification specification:
                Add(found, specification.ElementType);
                return;
            default:
                found.Add(type);
                return;
        }
    }
}
